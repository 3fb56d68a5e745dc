package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.exec.TaskKinds;
import dev.guise.plan.RulesetLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/masks.md} equal to what the registry generates, checks every mask's example and
 * every ready-made ruleset in {@code rulesets/} against the real parser.
 */
class MaskReferenceTest {
  private static final Path DOC = Path.of("docs", "masks.md");

  @Test
  void docsMatchTheRegistry() throws IOException {
    String generated = MaskReference.markdown(MaskRegistry.standard());
    if (Boolean.getBoolean("guise.regenerateDocs")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertThat(committed)
        .as(
            DOC
                + " is out of date with the mask registry; regenerate it with: mvn -o test"
                + " -Dtest=MaskReferenceTest -Dguise.regenerateDocs=true")
        .isEqualTo(generated);
    for (MaskDefinition d : MaskRegistry.standard().all()) {
      assertThat(generated).contains("### " + d.name() + "\n");
      for (ParamSpec p : d.params()) {
        assertThat(generated).contains("`" + p.name() + "`");
      }
    }
  }

  @Test
  void everyExampleIsAValidMask() {
    RulesetLoader loader = new RulesetLoader(MaskRegistry.standard(), TaskKinds.BUILT_IN.readers());
    List<String> problems = new ArrayList<>();
    for (MaskDefinition d : MaskRegistry.standard().all()) {
      String ruleset = ExampleRuleset.around(d.example());
      RulesetLoader.Result r = loader.load(ruleset, d.name() + "-example.yml");
      r.diagnostics().forEach(x -> problems.add(d.name() + ": " + x));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void readyMadeRulesetsParseWithoutErrors() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("rulesets"))) {
      files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains("customers.yml", "hr.yml", "payments.yml");
    RulesetLoader loader = new RulesetLoader(MaskRegistry.standard(), TaskKinds.BUILT_IN.readers());
    for (Path f : files) {
      RulesetLoader.Result r = loader.load(f);
      assertThat(r.diagnostics()).as(f.toString()).isEmpty();
      assertThat(r.ruleset()).as(f.toString()).isNotNull();
    }
  }
}
