package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.mask.ExampleRuleset;
import dev.guise.mask.MaskDefinition;
import dev.guise.mask.MaskRegistry;
import dev.guise.mask.ParamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every parameter a mask declares required (the ones DataMasque's mask pages mark "required") is
 * enforced before anything is touched: for every mask in the registry, its documented example is a
 * minimal valid use; dropping each required parameter in turn makes {@code guise validate} and
 * {@code guise run} exit 3 with file:line:col, and the table keeps its rows.
 */
class RequiredParametersTest {
  /** Where the mask's {@code type} value sits in the ruleset. */
  private static final String TYPE_AT = "ruleset.yml:" + ExampleRuleset.TYPE_LINE_COL;

  @TempDir Path dir;
  CliHarness h;
  String before;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    // from_blob's example reads a file relative to the ruleset's folder
    Path files = Files.createDirectories(dir.resolve("rulesets/files"));
    Files.copy(Path.of("rulesets/files/redacted.txt"), files.resolve("redacted.txt"));
    h.sql(
        "CREATE TABLE t (id INT PRIMARY KEY, c VARCHAR(200), profile VARCHAR(200))",
        "INSERT INTO t VALUES (1, 'Ada Lovelace', '{\"contact\":{\"email\":\"a@b.c\"}}'),"
            + " (2, '1984-07-09', null)");
    before = h.dump("t", "id");
  }

  private static String ruleset(String mask) {
    return ExampleRuleset.around(mask);
  }

  @Test
  void droppingAnyRequiredParameterIsExit3WithItsPositionAndTouchesNothing() throws Exception {
    List<String> checked = new ArrayList<>();
    for (MaskDefinition d : MaskRegistry.standard().all()) {
      h.write("ruleset.yml", ruleset(d.example()));
      CliHarness.Result whole = h.run("validate", "ruleset.yml");
      assertThat(whole.code()).as(d.name() + " example: " + whole.all()).isZero();
      for (ParamSpec p : d.params()) {
        if (!p.required()) {
          continue;
        }
        String without = drop(d.example(), p);
        assertThat(without)
            .as(d.name() + "'s example must show its required parameter " + p.name())
            .isNotEqualTo(d.example());
        h.write("ruleset.yml", ruleset(without));
        String expected = TYPE_AT + " - mask '" + d.name() + "' needs parameter '" + p.name() + "'";
        CliHarness.Result v = h.run("validate", "ruleset.yml");
        assertThat(v.code()).as(d.name() + " without " + p.name() + ": " + v.all()).isEqualTo(3);
        assertThat(v.err()).contains(expected);
        CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db");
        assertThat(r.code())
            .as(d.name() + " run without " + p.name() + ": " + r.all())
            .isEqualTo(3);
        assertThat(r.err()).contains(expected);
        assertThat(h.dump("t", "id")).as(d.name() + " without " + p.name()).isEqualTo(before);
        checked.add(d.name() + "." + p.name());
      }
    }
    // the count is printed so a reader sees how much of the registry this covered
    System.out.println(
        "required parameters dropped one at a time: " + checked.size() + " " + checked);
    assertThat(checked).contains("from_random_number.max", "from_random_date.min");
  }

  @Test
  void fromRandomNumberWithoutMaxIsRefusedAsInDataMasque() throws Exception {
    h.write("ruleset.yml", ruleset("type: from_random_number\nmin: 1"));
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains(TYPE_AT + " - mask 'from_random_number' needs parameter 'max'");
    assertThat(h.dump("t", "id")).isEqualTo(before);
  }

  /** The example without the top-level key of {@code p} (or an alias) and its indented value. */
  private static String drop(String example, ParamSpec p) {
    List<String> names = new ArrayList<>(p.aliases());
    names.add(p.name());
    Pattern key =
        Pattern.compile(
            "^(" + String.join("|", names.stream().map(Pattern::quote).toList()) + "):.*");
    StringBuilder out = new StringBuilder();
    boolean skipping = false;
    for (String line : example.strip().split("\n", -1)) {
      boolean continuation = line.startsWith(" ") || line.startsWith("-");
      if (key.matcher(line).matches()) {
        skipping = true;
        continue;
      }
      if (skipping && continuation) {
        continue;
      }
      skipping = false;
      out.append(line).append('\n');
    }
    return out.toString().strip();
  }
}
