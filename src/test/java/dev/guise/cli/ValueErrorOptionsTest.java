package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --on-value-error} refusals before anything is written, and the small Delphix options:
 * {@code --progress-every} lines, {@code --description} in the record and {@code runs show}.
 */
class ValueErrorOptionsTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void data() throws Exception {
    h = new CliHarness(tmp);
    h.sql(
        "CREATE TABLE items (id INT PRIMARY KEY, code VARCHAR(20) UNIQUE, born VARCHAR(20))",
        "INSERT INTO items SELECT x, 'C' || x, CASE WHEN MOD(x, 100) = 7 THEN 'XBADVALUE'"
            + " ELSE '1990-01-01' END FROM SYSTEM_RANGE(1, 1000)");
  }

  private static String rule(String column, String mask) {
    return """
        version: '1.0'
        tasks:
          - type: mask_table
            table: items
            key: id
            rules:
              - column: %s
                masks:
                  - %s
        """
        .formatted(column, mask);
  }

  @Test
  void skipAndNullOnAUniqueKeyPathAreRefusedBeforeWriting() throws Exception {
    String before = h.dump("items", "id");
    h.write("unique.yml", rule("code", "type: imitate_unique"));
    CliHarness.Result skip = h.run("run", "unique.yml", "-c", "db", "--on-value-error", "skip");
    assertThat(skip.code()).as(skip.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(skip.all()).contains("cannot take --on-value-error skip");

    CliHarness.Result nul = h.run("run", "unique.yml", "-c", "db", "--on-value-error", "null");
    assertThat(nul.code()).as(nul.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(nul.all()).contains("cannot take --on-value-error null");
    assertThat(h.dump("items", "id")).isEqualTo(before);

    // the same rulesets run with fail (the default): the refusal is the policy's alone
    CliHarness.Result ok = h.run("run", "unique.yml", "-c", "db");
    assertThat(ok.code()).as(ok.all()).isZero();
  }

  @Test
  void progressLinesDescriptionAndTheCountInRunsShow() throws Exception {
    h.write("dates.yml", rule("born", "type: retain_year"));
    CliHarness.Result r =
        h.run(
            "run",
            "dates.yml",
            "-c",
            "db",
            "--on-value-error",
            "null",
            "--batch-size",
            "100",
            "--progress-every",
            "300",
            "--description",
            "nightly copy for QA");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.err())
        .contains("progress PUBLIC.ITEMS: 300/1000 rows (30%)")
        .contains("progress PUBLIC.ITEMS: 900/1000 rows (90%)")
        .doesNotContain("progress PUBLIC.ITEMS: 400/");
    assertThat(h.lastLog()).contains("progress PUBLIC.ITEMS: 600/1000 rows");
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("status").asText()).isEqualTo("finished_with_warnings");
    assertThat(rec.path("options").path("description").asText()).isEqualTo("nightly copy for QA");
    assertThat(rec.path("options").path("on_value_error").asText()).isEqualTo("null");
    assertThat(rec.path("tasks").get(0).path("value_errors").path("count").asLong()).isEqualTo(10);
    assertThat(h.count("SELECT COUNT(*) FROM items WHERE born IS NULL")).isEqualTo(10);

    CliHarness.Result show = h.run("runs", "show", rec.path("id").asText());
    assertThat(show.out())
        .contains("about:      nightly copy for QA")
        .contains("10 values not masked (--on-value-error null)")
        .contains("first rows with key 7, 107, 207");
    assertThat(show.all()).doesNotContain("XBADVALUE");
    assertThat(h.lastRecord() + h.lastLog()).doesNotContain("XBADVALUE");
  }
}
