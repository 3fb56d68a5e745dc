package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.exec.RunStatus;
import dev.guise.runlog.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints in the database, resume refusals and the refusal to mask a table twice (H2). */
class CheckpointCommandTest {
  private static final String RULESET =
      "version: '1.0'\ntasks:\n  - type: mask_table\n    table: t\n    key: id\n    rules:\n"
          + "      - column: a\n        masks: [{type: from_format_string, value_format:"
          + " \"{[a-z],8}\"}]\n";

  @TempDir Path dir;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(20))",
        "INSERT INTO t SELECT x, 'orig' FROM SYSTEM_RANGE(1, 1000)");
    h.write("r.yml", RULESET);
  }

  @Test
  void eachBatchLeavesItsCheckpointAndADryRunNone() throws Exception {
    assertThat(h.run("run", "r.yml", "-c", "db", "--dry-run").code()).isZero();
    assertThat(
            h.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME='guise'"))
        .as("a dry run creates nothing")
        .isZero();
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db", "--batch-size", "300");
    assertThat(r.code()).as(r.all()).isZero();
    String id = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    assertThat(h.dump("\"guise\".\"progress\"", "\"task_id\""))
        .startsWith(id + "|1|PUBLIC.T|finished|[\"1000\"]|1000|1000|1000|4|");
  }

  @Test
  void aSecondRunOnAMaskedTableIsRefusedUnlessRemask() throws Exception {
    assertThat(h.run("run", "r.yml", "-c", "db").code()).isZero();
    String first = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    String masked = h.dump("t", "id");
    CliHarness.Result again = h.run("run", "r.yml", "-c", "db");
    assertThat(again.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(again.err())
        .contains("PUBLIC.T - already masked by run " + first)
        .contains("--remask");
    assertThat(h.dump("t", "id")).as("nothing written").isEqualTo(masked);
    CliHarness.Result forced = h.run("run", "r.yml", "-c", "db", "--remask");
    assertThat(forced.code()).as(forced.all()).isZero();
  }

  @Test
  void resumeIsRefusedWhenTheRulesetOrSecretChangedOrTheRunFinished() throws Exception {
    h.write("secret.txt", "one-secret-of-twenty-characters-at-least");
    CliHarness.Result done = h.run("run", "r.yml", "-c", "db", "--run-secret-file", "secret.txt");
    assertThat(done.code()).as(done.all()).isZero();
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    String id = rec.path("id").asText();
    CliHarness.Result finished = h.run("run", "--resume", id, "--run-secret-file", "secret.txt");
    assertThat(finished.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(finished.err()).contains("run " + id + " - finished; there is nothing to resume");
    CliHarness.Result otherSecret = h.run("run", "--resume", id);
    assertThat(otherSecret.err()).contains("was masked with another run secret");
    h.write("r.yml", RULESET + "# changed\n");
    CliHarness.Result changed = h.run("run", "--resume", id, "--run-secret-file", "secret.txt");
    assertThat(changed.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(changed.err()).contains("the ruleset changed since it started").contains("--force");
    CliHarness.Result usage = h.run("run", "r.yml", "--resume", id);
    assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aSecureShuffleTaskIsNotContinuedPartWay() throws Exception {
    h.sql(
        "CREATE TABLE s (id INT PRIMARY KEY, name VARCHAR(20), code VARCHAR(3),"
            + " CHECK (id <= 4 OR code <> 'x'))",
        "INSERT INTO s SELECT x, 'n' || x, 'c' FROM SYSTEM_RANGE(1, 8)");
    h.write("secret.txt", "one-secret-of-twenty-characters-at-least");
    h.write(
        "s.yml",
        "version: '1.0'\ntasks:\n  - type: mask_table\n    table: s\n    key: id\n    rules:\n"
            + "      - column: name\n        masks: [{type: secure_shuffle}]\n"
            + "      - column: code\n        masks: [{type: from_fixed, value: x}]\n");
    CliHarness.Result failed =
        h.run("run", "s.yml", "-c", "db", "--batch-size", "2", "--run-secret-file", "secret.txt");
    assertThat(failed.code()).as(failed.all()).isEqualTo(ExitCodes.of(RunStatus.FAILED, false));
    String id = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    String partly = h.dump("s", "id");
    CliHarness.Result resumed = h.run("run", "--resume", id, "--run-secret-file", "secret.txt");
    assertThat(resumed.code()).as(resumed.all()).isEqualTo(ExitCodes.of(RunStatus.FAILED, false));
    assertThat(resumed.all()).contains("secure_shuffle cannot continue a table part-way: 4 rows");
    assertThat(h.dump("s", "id")).as("nothing more written").isEqualTo(partly);
  }
}
