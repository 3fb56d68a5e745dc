package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.exec.RunStatus;
import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run keeps its fingerprints with the first run's: verify either id sees them all. */
class VerifyResumeTest {
  @Test
  void aResumedRunContinuesTheFirstRunsFingerprints(@TempDir Path dir) throws Exception {
    CliHarness h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), code VARCHAR(3),"
            + " CONSTRAINT stop_at_five CHECK (id <= 4 OR code <> 'x'))",
        "INSERT INTO t SELECT x, 'name' || x, 'c' FROM SYSTEM_RANGE(1, 8)",
        "CREATE TABLE orig AS SELECT * FROM t");
    h.write("secret.txt", "one-secret-of-twenty-characters-at-least");
    h.write(
        "t.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: t\n    key: id\n    rules:\n"
            + "      - column: name\n        masks: [{type: imitate, force_change: true}]\n"
            + "      - column: code\n        masks: [{type: from_fixed, value: x}]\n");
    CliHarness.Result failed =
        h.run("run", "t.yml", "-c", "db", "--batch-size", "2", "--run-secret-file", "secret.txt");
    assertThat(failed.code()).as(failed.all()).isEqualTo(ExitCodes.of(RunStatus.FAILED, false));
    String first = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    h.sql("ALTER TABLE t DROP CONSTRAINT stop_at_five");
    CliHarness.Result resumed = h.run("run", "--resume", first, "--run-secret-file", "secret.txt");
    assertThat(resumed.code()).as(resumed.all()).isZero();
    String second = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(h.home.resolve("runs").resolve(second).resolve("fingerprints")).doesNotExist();
    try (Stream<Path> s = Files.list(h.home.resolve("runs/" + first + "/fingerprints"))) {
      Path task = s.findFirst().orElseThrow();
      try (Stream<Path> chunks = Files.list(task)) {
        // batches 0 and 1 committed, batch 2 failed and was masked again by the resumed run
        assertThat(chunks.filter(p -> p.toString().endsWith(".fp")).count()).isEqualTo(4);
      }
    }
    h.sql("UPDATE t SET name = (SELECT o.name FROM orig o WHERE o.id = t.id) WHERE id IN (2, 7)");
    for (String id : new String[] {first, second}) {
      CliHarness.Result v =
          h.run("verify", id, "-c", "db", "--run-secret-file", "secret.txt", "--format", "json");
      assertThat(v.code()).as(v.all()).isEqualTo(ExitCodes.COVERAGE_GAP);
      JsonNode name = column(v, "NAME");
      assertThat(name.path("originals").asLong()).isEqualTo(8);
      assertThat(name.path("same_row").asLong()).isEqualTo(2);
      assertThat(name.path("any_row").asLong()).isEqualTo(2);
    }
    CliHarness.Result noConnection = h.run("verify", first);
    assertThat(noConnection.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(noConnection.err()).contains("-c CONNECTION");
    CliHarness.Result noSecret = h.run("verify", first, "-c", "db");
    assertThat(noSecret.code()).as(noSecret.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(noSecret.err()).contains("not the one the run used").doesNotContain("Exception");
  }

  private static JsonNode column(CliHarness.Result r, String name) throws Exception {
    for (JsonNode c : Json.MAPPER.readTree(r.out()).path("columns")) {
      if (c.path("column").asText().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new AssertionError(name + " missing from " + r.out());
  }
}
