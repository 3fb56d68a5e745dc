package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --on-value-error} on a real table: 37 unparseable dates among 100,000 rows of a text
 * column masked by {@code retain_year}. {@code fail} fails naming the first (table.column, rule,
 * row key, reason); {@code skip} finishes with warnings and a count of 37, the bad values left;
 * {@code null} writes NULL, and is refused on a NOT NULL column with nothing written. No output,
 * run record or log ever holds a bad value.
 */
class ValueErrorsIT {
  private static final int ROWS = 100_000;
  // ids 17, 17 + 2703, ... up to 100,000: exactly 37 of them
  private static final String BAD = "MOD(id, 2703) = 17";
  private static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: readings
          key: id
          rules:
            - column: born
              masks:
                - type: retain_year
      """;

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgres"})
  void badValuesFailSkipOrNullWithoutEverBeingShown(String name) throws Exception {
    try (TestEngine e = Engines.named(name)) {
      e.open();
      String t = e.t("readings");
      e.sql(
          "CREATE TABLE "
              + t
              + " (id INT PRIMARY KEY, born VARCHAR(24), code VARCHAR(24) NOT NULL)",
          insert(name, t));
      assertThat(count(e, "SELECT COUNT(*) FROM " + t + " WHERE born LIKE 'BADDATE%'"))
          .isEqualTo(37);
      String initial = born(e, t);
      Path home = tmp.resolve("home");
      GuiseCli cli = new GuiseCli(tmp.resolve("work"), home, e, 0);

      // fail (the default): the first bad row, named; nothing of it printed
      // one worker: with two key ranges the other range's batches would commit too
      GuiseCli.Result fail = cli.run(RULESET, "--workers", "1");
      assertThat(fail.exit()).as(fail.toString()).isEqualTo(5);
      String error = fail.task(1).path("error").asText().toLowerCase(java.util.Locale.ROOT);
      assertThat(error)
          .contains("readings.born - masking the row with key 17 failed")
          .contains("retain_year - a text value is not a date")
          .contains("(rule at ruleset.yml:7:9)")
          .contains("--on-value-error skip|null");
      assertThat(born(e, t)).as("the failed batch was rolled back").isEqualTo(initial);

      // skip: the run goes on, counts 37, leaves each bad value as it was
      GuiseCli.Result skip = cli.run(RULESET, "--on-value-error", "skip", "--batch-size", "7000");
      assertThat(skip.exit()).as(skip.toString()).isZero();
      assertThat(skip.record().path("status").asText()).isEqualTo("finished_with_warnings");
      JsonNode v = skip.task(1).path("value_errors");
      assertThat(v.path("policy").asText()).isEqualTo("skip");
      assertThat(v.path("count").asLong()).isEqualTo(37);
      JsonNode col = v.path("columns").get(0);
      assertThat(col.path("column").asText()).isEqualToIgnoringCase("born");
      assertThat(col.path("sample_keys")).hasSize(10);
      assertThat(col.path("sample_keys").get(0).asText()).isEqualTo("17");
      assertThat(col.path("sample_keys").get(1).asText()).isEqualTo("2720");
      assertThat(skip.task(1).path("rows_updated").asLong()).isEqualTo(ROWS - 37);
      assertThat(count(e, "SELECT COUNT(*) FROM " + t + " WHERE born LIKE 'BADDATE%'"))
          .isEqualTo(37);
      assertThat(born(e, t)).isNotEqualTo(initial);
      assertThat(skip.err()).contains("37 values could not be masked and were left as they were");

      // --strict still fails the run's exit (7), the data as skip leaves it
      GuiseCli.Result strict = cli.run(RULESET, "--on-value-error", "skip", "--strict");
      assertThat(strict.exit()).as(strict.toString()).isEqualTo(7);

      // null: the 37 written as NULL
      GuiseCli.Result nulls = cli.run(RULESET, "--on-value-error", "null");
      assertThat(nulls.exit()).as(nulls.toString()).isZero();
      assertThat(nulls.task(1).path("value_errors").path("count").asLong()).isEqualTo(37);
      assertThat(count(e, "SELECT COUNT(*) FROM " + t + " WHERE born IS NULL")).isEqualTo(37);

      // null on a NOT NULL column: refused before anything is written
      String codes = codes(e, t);
      GuiseCli.Result refused =
          cli.run(RULESET.replace("- column: born", "- column: code"), "--on-value-error", "null");
      assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
      assertThat((refused.out() + refused.err()).toLowerCase(java.util.Locale.ROOT))
          .contains("readings.code cannot take --on-value-error null")
          .contains("not null");
      assertThat(codes(e, t)).isEqualTo(codes);

      // not one bad value in any output, record or log
      for (GuiseCli.Result r : List.of(fail, skip, strict, nulls, refused)) {
        assertThat(r.out() + r.err()).doesNotContain("BADDATE");
      }
      try (Stream<Path> files = Files.walk(home)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
              .as(f.toString())
              .doesNotContain("BADDATE");
        }
      }
    }
  }

  private static String insert(String engine, String t) {
    String born =
        "CASE WHEN "
            + BAD
            + " THEN 'BADDATE-' || CAST(id AS VARCHAR(10))"
            + " ELSE CAST(DATE '1970-01-01' + MOD(id, 9000) AS VARCHAR(10)) END";
    String code = "'C' || CAST(id AS VARCHAR(10))";
    return switch (engine) {
      case "postgres" ->
          "INSERT INTO "
              + t
              + " SELECT id, "
              + born
              + ", "
              + code
              + " FROM generate_series(1, "
              + ROWS
              + ") AS g(id)";
      default ->
          "INSERT INTO "
              + t
              + " SELECT id, "
              + born.replace(
                  "DATE '1970-01-01' + MOD(id, 9000)",
                  "DATEADD(DAY, MOD(id, 9000), DATE '1970-01-01')")
              + ", "
              + code
              + " FROM (SELECT CAST(X AS INT) AS id FROM SYSTEM_RANGE(1, "
              + ROWS
              + "))";
    };
  }

  private static long count(TestEngine e, String sql) throws Exception {
    try (Statement s = e.admin().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String born(TestEngine e, String t) throws Exception {
    return column(e, "SELECT born FROM " + t + " ORDER BY id");
  }

  private static String codes(TestEngine e, String t) throws Exception {
    return column(e, "SELECT code FROM " + t + " ORDER BY id");
  }

  private static String column(TestEngine e, String sql) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Statement s = e.admin().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
    }
    return sb.toString();
  }
}
