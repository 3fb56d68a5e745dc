package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code discover --generate-ruleset} on the labelled database of every engine: the ruleset
 * validates and runs without edits, and in every column it masks at least 99% of the non-null
 * values differ from a snapshot taken before the run; the keyless table is listed, not masked.
 */
class GeneratedRulesetIT {
  static java.util.stream.Stream<String> engines() {
    return Engines.names();
  }

  @ParameterizedTest
  @MethodSource("engines")
  void generatedRulesetValidatesRunsAndChangesEverySensitiveColumn(
      String engineName, @TempDir Path tmp) throws Exception {
    try (TestEngine e = Engines.named(engineName)) {
      e.open();
      LabelledData.create(e);
      GuiseCli cli = new GuiseCli(tmp.resolve("work"), tmp.resolve("home"), e, 0);
      GuiseCli.Result gen =
          cli.command("discover", "-c", "it", "--generate-ruleset", "generated.yml", "-q");
      assertThat(gen.exit()).as(gen.toString()).isZero();
      String yaml = Files.readString(tmp.resolve("work/generated.yml"));
      assertThat(yaml).contains("audit_log - no primary key or unique key");
      Map<String, String> masked = maskedColumns(yaml);
      assertThat(masked).hasSizeGreaterThan(50);
      Map<String, Map<String, String>> before = snapshot(e, masked);

      GuiseCli.Result valid = cli.command("validate", "generated.yml", "-c", "it");
      assertThat(valid.exit()).as(valid + "\n" + yaml).isZero();
      GuiseCli.Result run = cli.command("run", "generated.yml", "-c", "it", "--format", "json");
      assertThat(run.exit()).as(run.toString()).isZero();

      Map<String, Map<String, String>> after = snapshot(e, masked);
      StringBuilder report = new StringBuilder();
      for (String col : before.keySet()) {
        Map<String, String> b = before.get(col);
        Map<String, String> a = after.get(col);
        long nonNull = b.values().stream().filter(v -> v != null).count();
        long same =
            b.keySet().stream().filter(k -> b.get(k) != null && b.get(k).equals(a.get(k))).count();
        double differ = nonNull == 0 ? 1 : 1 - (double) same / nonNull;
        report.append(String.format(Locale.ROOT, "%s %.3f%n", col, differ));
        assertThat(differ).as(col + " on " + engineName).isGreaterThanOrEqualTo(0.99);
      }
      System.out.println(
          "generated ruleset on "
              + engineName
              + ": "
              + before.size()
              + " columns masked, each >= 99% changed");
    }
  }

  /** table.column -> key column, from the generated YAML (tables and their key, then rules). */
  static Map<String, String> maskedColumns(String yaml) {
    Map<String, String> out = new TreeMap<>();
    String table = null;
    String key = null;
    for (String line : yaml.split("\n")) {
      String l = line.trim();
      if (l.startsWith("table: ")) {
        table = unquote(l.substring(7));
      } else if (l.startsWith("key: ")) {
        key = unquote(l.substring(5));
      } else if (l.startsWith("- column: ")) {
        out.put(table + "." + unquote(l.substring(10)), key);
      }
    }
    return out;
  }

  private static String unquote(String s) {
    return s.startsWith("'") ? s.substring(1, s.length() - 1).replace("''", "'") : s;
  }

  /** table.column -> (key -> value as text). */
  static Map<String, Map<String, String>> snapshot(TestEngine e, Map<String, String> cols)
      throws Exception {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Map.Entry<String, String> c : cols.entrySet()) {
      String[] tc = c.getKey().split("\\.");
      Map<String, String> values = new HashMap<>();
      try (Statement st = e.admin().createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT " + e.q(c.getValue()) + ", " + e.q(tc[1]) + " FROM " + e.t(tc[0]))) {
        while (rs.next()) {
          values.put(rs.getString(1), rs.getString(2));
        }
      }
      out.put(c.getKey(), values);
    }
    return out;
  }
}
