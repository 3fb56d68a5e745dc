package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code $GUISE_HOME/audit.jsonl} as the commands write it, and {@code guise audit} reading it. */
class AuditCommandTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = CliHarness.withSampleData(dir);
  }

  private List<JsonNode> lines() throws Exception {
    return Files.readAllLines(h.home.resolve("audit.jsonl")).stream()
        .map(
            l -> {
              try {
                return Json.MAPPER.readTree(l);
              } catch (Exception e) {
                throw new AssertionError("not one JSON object per line: " + l, e);
              }
            })
        .toList();
  }

  @Test
  void aFinishedRunWritesStartedThenFinishedWithWhoWhereAndWhichRuleset() throws Exception {
    CliHarness.Result r = h.run("run", "ruleset.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isZero();
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    List<JsonNode> lines = lines();
    assertThat(lines)
        .extracting(l -> l.path("event").asText())
        .containsExactly("run_started", "run_finished");
    for (JsonNode l : lines) {
      assertThat(l.path("run_id").asText()).isEqualTo(rec.path("id").asText());
      assertThat(l.path("connection").asText()).isEqualTo("db");
      assertThat(l.path("command").asText()).isEqualTo("run");
      assertThat(l.path("ruleset").asText()).isEqualTo("ruleset.yml");
      assertThat(l.path("ruleset_sha256").asText())
          .isEqualTo(rec.path("ruleset").path("sha256").asText())
          .hasSize(64);
      assertThat(l.path("user").asText()).isEqualTo(System.getProperty("user.name"));
      assertThat(l.path("host").asText()).isNotBlank();
      assertThat(l.path("time").asText()).endsWith("Z");
    }
    assertThat(lines.get(1).path("outcome").asText()).isEqualTo("finished");
    String raw = Files.readString(h.home.resolve("audit.jsonl"));
    assertThat(raw).doesNotContain(CliHarness.SECRET).doesNotContain("corp.test");
  }

  @Test
  void theFileIsCreatedOwnerOnlyAndAWiderModeIsFixedWithAWarning() throws Exception {
    h.run("validate", "ruleset.yml");
    Path audit = h.home.resolve("audit.jsonl");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(audit)))
        .isEqualTo("rw-------");
    Files.setPosixFilePermissions(audit, PosixFilePermissions.fromString("rw-r--r--"));
    CliHarness.Result r = h.run("validate", "ruleset.yml");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("audit.jsonl - was readable by others").contains("0600");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(audit)))
        .isEqualTo("rw-------");
    assertThat(lines()).hasSize(2);
  }

  @Test
  void aFailedRunAndAnInvalidOneAreRecordedAsFailed() throws Exception {
    h.write(
        "fail.yml",
        "version: '1.0'\ntasks:\n  - type: run_sql\n    sql: \"UPDATE no_such_table SET x = 1\"\n");
    assertThat(h.run("run", "fail.yml", "-c", "db").code()).isEqualTo(ExitCodes.RUN_FAILED);
    h.write("bad.yml", "version: '1.0'\ntasks:\n  - type: mask_tabel\n");
    assertThat(h.run("run", "bad.yml", "-c", "db").code()).isEqualTo(ExitCodes.INVALID);
    List<JsonNode> lines = lines();
    assertThat(lines)
        .extracting(l -> l.path("event").asText() + ":" + l.path("outcome").asText())
        .containsExactly("run_started:started", "run_failed:failed", "run_failed:invalid");
    assertThat(lines.get(2).path("ruleset").asText()).isEqualTo("bad.yml");
    assertThat(lines.get(2).has("run_id")).isFalse();
  }

  @Test
  void aDryRunSaysSoAndValidateRecordsItsOutcome() throws Exception {
    h.run("run", "ruleset.yml", "-c", "db", "--dry-run");
    h.run("validate", "ruleset.yml", "-c", "db");
    h.write("bad.yml", "version: '1.0'\ntasks:\n  - type: mask_tabel\n");
    h.run("validate", "bad.yml");
    List<JsonNode> lines = lines();
    assertThat(lines.get(0).path("detail").asText()).isEqualTo("dry run");
    assertThat(lines)
        .extracting(l -> l.path("event").asText() + ":" + l.path("outcome").asText())
        .containsExactly(
            "run_started:started", "run_finished:finished", "validate:valid", "validate:invalid");
    assertThat(lines.get(2).path("connection").asText()).isEqualTo("db");
  }

  @Test
  void listsAsTextJsonAndCsvAndFiltersBySince() throws Exception {
    Path audit = h.home.resolve("audit.jsonl");
    Files.createDirectories(h.home);
    Files.writeString(
        audit,
        "{\"time\":\"2020-01-01T00:00:00Z\",\"event\":\"validate\",\"outcome\":\"valid\","
            + "\"user\":\"old\",\"host\":\"h\",\"command\":\"validate\",\"ruleset\":\"a, \\\"b\\\".yml\"}\n"
            + "not json, cut short by a crash\n");
    Files.setPosixFilePermissions(audit, PosixFilePermissions.fromString("rw-------"));
    h.run("run", "ruleset.yml", "-c", "db");

    CliHarness.Result text = h.run("audit");
    assertThat(text.code()).as(text.all()).isZero();
    assertThat(text.out().lines().toList()).hasSize(3);
    assertThat(text.out())
        .contains("2020-01-01T00:00:00Z")
        .contains("run_finished")
        .contains("finished")
        .contains(System.getProperty("user.name") + "@");
    assertThat(text.err()).contains("1 line(s) are not audit entries");

    CliHarness.Result json = h.run("audit", "--since", "2021-06-01", "--format", "json");
    JsonNode list = Json.MAPPER.readTree(json.out());
    assertThat(list.isArray()).isTrue();
    assertThat(list)
        .extracting(n -> n.path("event").asText())
        .containsExactly("run_started", "run_finished");

    CliHarness.Result recent = h.run("audit", "--since", "1h", "--format", "json");
    assertThat(Json.MAPPER.readTree(recent.out())).hasSize(2);
    CliHarness.Result exact = h.run("audit", "--since", "2020-01-01T00:00:00Z", "--format", "json");
    assertThat(Json.MAPPER.readTree(exact.out())).hasSize(3);

    CliHarness.Result csv = h.run("audit", "--format", "csv");
    assertThat(csv.code()).isZero();
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(csv.out()))
            .getRecords();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("ruleset")).isEqualTo("a, \"b\".yml");
    assertThat(rows.get(2).get("event")).isEqualTo("run_finished");
    assertThat(rows.get(2).get("run_id")).isNotBlank();

    CliHarness.Result bad = h.run("audit", "--since", "yesterday");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--since 'yesterday' - not a time");
  }

  @Test
  void anEmptyLogSaysSo() {
    CliHarness.Result r = h.run("audit");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("No audit entries.");
  }
}
