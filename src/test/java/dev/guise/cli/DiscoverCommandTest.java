package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guise discover} end to end on H2: reports, the coverage gate, generation, bad input. */
class DiscoverCommandTest {
  @TempDir Path dir;

  private static final String PEOPLE_RULESET =
      "version: '1.0'\ntasks:\n  - type: mask_table\n    table: people\n    key: id\n    rules:\n"
          + "      - column: email\n        masks:\n          - {type: imitate, force_change: true}\n"
          + "      - column: first_name\n        masks:\n          - {type: from_file, seed_file: first_names, seed_column: first_name}\n";

  private CliHarness people() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE people (id INT PRIMARY KEY, first_name VARCHAR(40), email VARCHAR(100),"
            + " email_sent BOOLEAN, name_id INT)");
    StringBuilder rows = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      rows.append(i == 1 ? "" : ", ")
          .append("(" + i + ", 'Olivia', 'olivia.k" + i + "@example.com', TRUE, " + i + ")");
    }
    h.sql("INSERT INTO people VALUES " + rows);
    return h;
  }

  @Test
  void coverageGateFailsWhenASensitiveColumnIsAddedAndPassesOnceARuleCoversIt() throws Exception {
    CliHarness h = people();
    h.write("ruleset.yml", PEOPLE_RULESET);
    CliHarness.Result ok =
        h.run("discover", "-c", "db", "--ruleset", "ruleset.yml", "--fail-on-uncovered");
    assertThat(ok.code()).as(ok.all()).isZero();
    assertThat(ok.out()).contains("masked by ruleset.yml:").doesNotContain("NOT COVERED");
    assertThat(ok.out()).doesNotContain("EMAIL_SENT", "NAME_ID");

    h.sql("ALTER TABLE people ADD COLUMN phone_number VARCHAR(30)");
    CliHarness.Result gap =
        h.run("discover", "-c", "db", "--ruleset", "ruleset.yml", "--fail-on-uncovered");
    assertThat(gap.code()).as(gap.all()).isEqualTo(ExitCodes.COVERAGE_GAP);
    assertThat(gap.err())
        .contains("1 sensitive column is not masked by any rule: PUBLIC.PEOPLE.PHONE_NUMBER");
    assertThat(gap.out()).contains("NOT COVERED");

    h.write(
        "ruleset.yml",
        PEOPLE_RULESET
            + "      - column: phone_number\n        masks:\n          - {type: imitate}\n");
    CliHarness.Result fixed =
        h.run("discover", "-c", "db", "--ruleset", "ruleset.yml", "--fail-on-uncovered");
    assertThat(fixed.code()).as(fixed.all()).isZero();

    // a where clause covers the column but leaves rows unmasked: said, not counted as a gap
    h.write("ruleset.yml", fixedWhere());
    CliHarness.Result where =
        h.run("discover", "-c", "db", "--ruleset", "ruleset.yml", "--format", "json");
    assertThat(where.code()).isZero();
    assertThat(where.out()).contains("its where clause leaves the rows it excludes unmasked");
  }

  private static String fixedWhere() {
    return PEOPLE_RULESET.replace("    key: id\n", "    key: id\n    where: \"id > 10\"\n")
        + "      - column: phone_number\n        masks:\n          - {type: imitate}\n";
  }

  @Test
  void reportsNeverHoldSampledValuesAndCsvKeepsTheVendorsColumnOrder() throws Exception {
    CliHarness h = people();
    for (String format : List.of("text", "json", "csv", "html")) {
      CliHarness.Result r = h.run("discover", "-c", "db", "--format", format);
      assertThat(r.code()).as(r.all()).isZero();
      assertThat(r.all()).as(format).doesNotContain("olivia.k", "Olivia");
    }
    CliHarness.Result csv = h.run("discover", "-c", "db", "--format", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .isEqualTo(
            "Selected,Table schema,Table name,Column name,Data Type,Constraint,Foreign Keys,Max Length,"
                + "Numeric Precision,Numeric Scale,Reason for flag,Flagged by,Data classifications");
    assertThat(csv.out()).contains("TRUE,PUBLIC,PEOPLE,EMAIL,CHARACTER VARYING,,,100,");
    assertThat(csv.out()).contains("FALSE,PUBLIC,PEOPLE,EMAIL_SENT,BOOLEAN");
  }

  @Test
  void selectTakesAnEditedSddReportAndGeneratesExactlyThoseColumns() throws Exception {
    CliHarness h = people();
    CliHarness.Result csv =
        h.run("discover", "-c", "db", "--format", "csv", "--output", "sdd-report.csv");
    assertThat(csv.code()).as(csv.all()).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("sdd-report.csv")));
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      // keep email, drop first_name, add name_id by hand
      if (l.contains(",FIRST_NAME,")) {
        lines.set(i, "FALSE" + l.substring(l.indexOf(',')));
      } else if (l.contains(",NAME_ID,")) {
        lines.set(i, "TRUE" + l.substring(l.indexOf(',')));
      }
    }
    Files.write(dir.resolve("sdd-report.csv"), lines);
    CliHarness.Result gen =
        h.run(
            "discover", "-c", "db", "--generate-ruleset", "gen.yml", "--select", "sdd-report.csv");
    assertThat(gen.code()).as(gen.all()).isZero();
    String yaml = Files.readString(dir.resolve("gen.yml"));
    assertThat(yaml)
        .contains("- column: EMAIL", "- column: NAME_ID")
        .doesNotContain("column: FIRST_NAME");

    h.write("cols.txt", "# one a line\nPUBLIC.PEOPLE.FIRST_NAME\npeople.nope\n");
    CliHarness.Result bad =
        h.run("discover", "-c", "db", "--generate-ruleset", "gen2.yml", "--select", "cols.txt");
    assertThat(bad.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(bad.err())
        .contains("cols.txt:3:1 - no column 'people.nope' in the discovered schema");
    assertThat(Files.exists(dir.resolve("gen2.yml"))).isFalse();
  }

  @Test
  void generationLeavesKeyColumnsAloneAndListsThem() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE accounts (username VARCHAR(40) PRIMARY KEY, email VARCHAR(100))",
        "CREATE TABLE logins (id INT PRIMARY KEY, username VARCHAR(40) REFERENCES accounts(username))",
        "INSERT INTO accounts VALUES ('olivia', 'olivia@example.com')");
    CliHarness.Result gen = h.run("discover", "-c", "db", "--generate-ruleset", "gen.yml");
    assertThat(gen.code()).as(gen.all()).isZero();
    String yaml = Files.readString(dir.resolve("gen.yml"));
    assertThat(yaml).contains("#   PUBLIC.ACCOUNTS.USERNAME - a key column (username)");
    assertThat(yaml).contains("- column: EMAIL").doesNotContain("- column: USERNAME");
    assertThat(gen.err()).contains("left out: PUBLIC.ACCOUNTS.USERNAME - a key column");
  }

  @Test
  void badInputIsOneClearSentenceWithItsExitCode() throws Exception {
    CliHarness h = people();
    assertThat(h.run("discover", "-c", "db", "--fail-on-uncovered").code())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(h.run("discover", "-c", "nope").code()).isEqualTo(ExitCodes.INVALID);
    h.write(
        "rules.yml",
        "version: '1.0'\nrules:\n  - id: x\n    label: y\n    classes: [PII]\n    match: [foo]\n    typez: [text]\n");
    CliHarness.Result r = h.run("discover", "-c", "db", "--rules", "rules.yml");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("rules.yml:7:5 - unknown key 'typez' in a discovery rule");
  }

  @Test
  void userRulesAddIgnoreAndSwitchOffTheBuiltIns() throws Exception {
    CliHarness h = people();
    h.sql("ALTER TABLE people ADD COLUMN loyalty_tier_code VARCHAR(10)");
    h.write(
        "rules.yml",
        "version: '1.0'\nrules:\n  - {id: tier, label: loyalty, classes: [PII], match: [tier code]}\n"
            + "ignore:\n  - rule: first_name\n  - column: '*.people.email'\n");
    CliHarness.Result r = h.run("discover", "-c", "db", "--rules", "rules.yml", "--no-data");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("LOYALTY_TIER_CODE", "rule tier")
        .doesNotContain("PEOPLE.FIRST_NAME", "PEOPLE.EMAIL ");
    h.write("off.yml", "version: '1.0'\nbuiltin_rules: false\n");
    CliHarness.Result off = h.run("discover", "-c", "db", "--rules", "off.yml", "--no-data");
    assertThat(off.out()).contains("0 sensitive columns");
  }

  @Test
  void generatedRulesetForTheDemoDatabaseRunsAndChangesEverySensitiveColumn() throws Exception {
    CliHarness h = new CliHarness(dir);
    try (Connection c = DriverManager.getConnection(h.url)) {
      c.setAutoCommit(false);
      new DemoDatabase(600).create(c);
    }
    CliHarness.Result gen = h.run("discover", "-c", "db", "--generate-ruleset", "gen.yml", "-q");
    assertThat(gen.code()).as(gen.all()).isZero();
    String yaml = Files.readString(dir.resolve("gen.yml"));
    Map<String, List<String>> columns = columns(yaml);
    assertThat(columns.keySet())
        .contains("CUSTOMERS.EMAIL", "PAYMENTS.CARD_NUMBER", "CUSTOMERS.DATE_OF_BIRTH");
    Map<String, Map<String, String>> before = snapshot(h, columns);
    CliHarness.Result run = h.run("run", "gen.yml", "-c", "db");
    assertThat(run.code()).as(run.all() + yaml).isZero();
    Map<String, Map<String, String>> after = snapshot(h, columns);
    for (String col : before.keySet()) {
      Map<String, String> b = before.get(col);
      // the default skip leaves empty strings alone: count the non-null, non-skipped values
      long nonNull = b.values().stream().filter(v -> v != null && !v.isEmpty()).count();
      long same =
          b.keySet().stream()
              .filter(k -> b.get(k) != null && !b.get(k).isEmpty())
              .filter(k -> b.get(k).equals(after.get(col).get(k)))
              .count();
      assertThat(1 - (double) same / Math.max(1, nonNull)).as(col).isGreaterThanOrEqualTo(0.99);
    }
  }

  /** TABLE.COLUMN -> key columns, from a generated ruleset. */
  static Map<String, List<String>> columns(String yaml) {
    Map<String, List<String>> out = new HashMap<>();
    String table = null;
    List<String> key = null;
    for (String line : yaml.split("\n")) {
      String l = line.trim();
      if (l.startsWith("table: ")) {
        table = l.substring(7);
      } else if (l.startsWith("key: ")) {
        String k = l.substring(5).replace("[", "").replace("]", "");
        key = List.of(k.split(",\\s*"));
      } else if (l.startsWith("- column: ")) {
        out.put(table + "." + l.substring(10), key);
      }
    }
    return out;
  }

  static Map<String, Map<String, String>> snapshot(CliHarness h, Map<String, List<String>> cols)
      throws Exception {
    Map<String, Map<String, String>> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(h.url);
        Statement s = c.createStatement()) {
      for (Map.Entry<String, List<String>> e : cols.entrySet()) {
        String[] tc = e.getKey().split("\\.");
        Map<String, String> values = new HashMap<>();
        try (ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + String.join(" || '|' || ", e.getValue())
                    + ", "
                    + tc[1]
                    + " FROM "
                    + tc[0])) {
          while (rs.next()) {
            values.put(rs.getString(1), rs.getString(2));
          }
        }
        out.put(e.getKey(), values);
      }
    }
    return out;
  }
}
