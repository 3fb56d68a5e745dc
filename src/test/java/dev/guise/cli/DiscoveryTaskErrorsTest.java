package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes around the discovery tasks and {@code guise runs report}: bad task parameters are exit 3
 * with file:line:col and touch nothing; an unknown run, or one without reports, is exit 3.
 */
class DiscoveryTaskErrorsTest {
  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = CliHarness.withSampleData(dir);
  }

  @Test
  void badParametersAreExit3WithTheirPosition() throws Exception {
    String before = h.dump("people", "id");
    h.write(
        "bad.yml",
        "version: '1.0'\n"
            + "tasks:\n"
            + "  - type: run_data_discovery\n"
            + "    sample_rows: many\n"
            + "  - type: run_schema_discovery\n"
            + "    schema: PUBLIC\n"
            + "  - type: run_data_discovery\n"
            + "    sample_rows: -1\n");
    CliHarness.Result r = h.run("run", "bad.yml", "-c", "db");
    assertThat(r.code()).as(r.all()).isEqualTo(3);
    assertThat(r.err())
        .contains("bad.yml:4:18", "'sample_rows'", "'many'")
        .contains("bad.yml:6:5", "schema")
        .contains("bad.yml:8:18", "'-1'")
        .doesNotContain("Exception");
    assertThat(h.dump("people", "id")).isEqualTo(before);
    assertThat(h.run("validate", "bad.yml").code()).isEqualTo(3);
  }

  @Test
  void runsReportRefusesUnknownRunsAndRunsWithoutReports() throws Exception {
    CliHarness.Result unknown = h.run("runs", "report", "20990101T000000000-abcdef");
    assertThat(unknown.code()).as(unknown.all()).isEqualTo(3);
    assertThat(unknown.err()).contains("no such run");

    assertThat(h.run("run", "ruleset.yml", "-c", "db").code()).isZero();
    String id = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    CliHarness.Result none = h.run("runs", "report", id);
    assertThat(none.code()).as(none.all()).isEqualTo(3);
    assertThat(none.err()).contains("wrote no report", "run_data_discovery");
  }

  @Test
  void runsReportNeedsKindForOneFileOfSeveralReports() throws Exception {
    h.write(
        "disc.yml",
        "version: '1.0'\ntasks:\n  - type: run_schema_discovery\n  - type: run_data_discovery\n"
            + "  - type: run_data_discovery\n    sample_rows: 0\n");
    CliHarness.Result run = h.run("run", "disc.yml", "-c", "db");
    assertThat(run.code()).as(run.all()).isZero();
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    assertThat(rec.path("reports").get(2).path("file").asText()).isEqualTo("sdd-report-task-3.csv");
    String id = rec.path("id").asText();
    assertThat(Files.exists(dir.resolve("home/runs").resolve(id).resolve("sdd-report-task-3.csv")))
        .isTrue();
    CliHarness.Result csv = h.run("runs", "report", id, "--format", "csv");
    assertThat(csv.code()).as(csv.all()).isEqualTo(2);
    assertThat(csv.err()).contains("--kind");
    CliHarness.Result text = h.run("runs", "report", id);
    assertThat(text.code()).as(text.all()).isZero();
    assertThat(text.out()).contains("== Guise schema discovery", "PEOPLE");
  }
}
