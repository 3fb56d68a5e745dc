package dev.guise.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.cli.CliEnvironment;
import dev.guise.cli.GuiseCommand;
import dev.guise.mask.MaskDefinition;
import dev.guise.mask.MaskRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The compatibility suite ({@code src/test/resources/compat/}), checked statically: every file
 * names the documentation section it follows and validates as {@code guise validate FILE
 * --libraries compat/libraries} does, with 0 errors (and no warnings unless its second line says it
 * expects them); every ruleset has its companion schema; and the suite uses every registered mask
 * but the unique family. CompatIT runs the same files on H2, PostgreSQL and MariaDB.
 */
class CompatSuiteTest {
  /** The unique masks have their own issue and suite. */
  static final Set<String> NOT_IN_SUITE =
      // tokenize needs a token key and has its own round-trip suite (TokenizeRoundTripIT)
      Set.of("imitate_unique", "imitate_uuid", "from_unique", "tokenize");

  private static final Pattern FOLLOWS =
      Pattern.compile("^# Follows: (DataMasque|Guise) docs?.*\\S > \\S.*");
  private static final Pattern MASK_TYPE = Pattern.compile("(?m)(?:^|[{,\\s])type:\\s*([a-z_]+)");

  @TempDir Path tmp;

  static Path root() {
    try {
      return Path.of(CompatSuiteTest.class.getResource("/compat").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every YAML file of the suite, libraries included, relative to its root. */
  static Stream<String> files() throws IOException {
    try (Stream<Path> s = Files.walk(root())) {
      return s
          .filter(p -> p.toString().endsWith(".yml"))
          .map(p -> root().relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The rulesets (not libraries): the files at the root of the suite. */
  static Stream<String> rulesets() throws IOException {
    return files().filter(f -> !f.contains("/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void namesItsSectionAndValidates(String file) throws IOException {
    List<String> lines = Files.readAllLines(root().resolve(file), StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .as("%s: the first line names the documentation section it follows", file)
        .matches(FOLLOWS);
    boolean expectsWarnings = lines.size() > 1 && lines.get(1).startsWith("# Expect: warnings");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = cli(out, err);
    int exit =
        cl.execute(
            "validate",
            root().resolve(file).toString(),
            "--libraries",
            root().resolve("libraries").toString());
    String all = out + "\n" + err;
    assertThat(exit).as("%s:\n%s", file, all).isZero();
    assertThat(all).as(file).doesNotContain("error:");
    if (expectsWarnings) {
      assertThat(all).as(file).contains("warning:");
    } else {
      assertThat(all).as(file).doesNotContain("warning:");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rulesets")
  void everyRulesetHasItsSchema(String file) throws IOException {
    Path sql = root().resolve(file.replaceFirst("\\.yml$", ".sql"));
    assertThat(sql).as("the tables of %s", file).exists();
    assertThat(Files.readAllLines(sql).get(0)).startsWith("-- Tables for " + file);
    assertThat(Files.readString(sql)).containsIgnoringCase("CREATE TABLE");
  }

  @Test
  void usesEveryRegisteredMaskButTheUniqueFamily() throws IOException {
    Set<String> used = new TreeSet<>();
    for (String f : files().toList()) {
      Matcher m = MASK_TYPE.matcher(Files.readString(root().resolve(f)));
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    Set<String> registered =
        MaskRegistry.standard().all().stream()
            .map(MaskDefinition::name)
            .filter(n -> !NOT_IN_SUITE.contains(n))
            .collect(Collectors.toCollection(TreeSet::new));
    registered.removeAll(used);
    assertThat(registered).as("masks no compat file uses").isEmpty();
    // and the deprecated names the vendor still accepts
    assertThat(used).containsAll(MaskRegistry.standard().deprecatedNames().keySet());
  }

  private CommandLine cli(StringWriter out, StringWriter err) {
    CommandLine cl =
        GuiseCommand.commandLine(
            new CliEnvironment(
                Map.of("GUISE_HOME", tmp.resolve("home").toString()),
                Clock.systemUTC(),
                tmp,
                false,
                false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl;
  }
}
