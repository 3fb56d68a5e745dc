package dev.guise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guise.runlog.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that says running while its process is gone is shown interrupted, with where it stopped
 * and how to resume, without being rewritten; {@code runs repair} marks it, and refuses a live one.
 */
class DeadRunTest {
  private static final String RULESET =
      "version: '1.0'\ntasks:\n  - type: mask_table\n    table: t\n    key: id\n    rules:\n"
          + "      - column: a\n        masks: [{type: from_format_string, value_format:"
          + " \"{[a-z],8}\"}]\n";

  @TempDir Path dir;
  CliHarness h;
  Path record;
  String id;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(dir);
    h.sql(
        "CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(20))",
        "INSERT INTO t SELECT x, 'orig' FROM SYSTEM_RANGE(1, 1000)");
    h.write("r.yml", RULESET);
    CliHarness.Result r = h.run("run", "r.yml", "-c", "db", "--batch-size", "300");
    assertThat(r.code()).as(r.all()).isZero();
    JsonNode rec = Json.MAPPER.readTree(h.lastRecord());
    id = rec.path("id").asText();
    record = dir.resolve("home/runs").resolve(id).resolve("run.json");
    assertThat(record).exists();
  }

  /** Rewrites the record as a run that is still running under {@code pid}. */
  private void runningAs(long pid) throws Exception {
    ObjectNode rec = (ObjectNode) Json.MAPPER.readTree(record.toFile());
    rec.put("status", "running");
    ((ObjectNode) rec.path("options")).put("pid", pid);
    Files.writeString(record, Json.MAPPER.writeValueAsString(rec));
  }

  private static long deadPid() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    p.waitFor();
    return p.pid();
  }

  @Test
  void aDeadRunIsShownInterruptedAndNothingIsWritten() throws Exception {
    runningAs(deadPid());
    byte[] before = Files.readAllBytes(record);

    CliHarness.Result list = h.run("runs", "list", "--format", "json");
    JsonNode listed = Json.MAPPER.readTree(list.out()).get(0);
    assertThat(listed.path("status").asText()).isEqualTo("interrupted");
    assertThat(listed.path("recorded_status").asText()).isEqualTo("running");
    assertThat(list.err()).contains("run " + id + " - interrupted").contains("guise runs repair");

    CliHarness.Result show = h.run("runs", "show", id);
    assertThat(show.out())
        .contains("status:     interrupted")
        .contains("resume:     guise run --resume " + id)
        .contains("4 batches, last key [1000]");
    assertThat(h.run("runs", "show", id, "--format", "json").out())
        .contains("\"status\" : \"interrupted\"");
    assertThat(Files.readAllBytes(record)).as("runs list/show never write").isEqualTo(before);

    CliHarness.Result repair = h.run("runs", "repair", id);
    assertThat(repair.code()).as(repair.all()).isZero();
    assertThat(repair.out()).contains("marked run " + id + " interrupted");
    JsonNode after = Json.MAPPER.readTree(record.toFile());
    assertThat(after.path("status").asText()).isEqualTo("interrupted");
    assertThat(h.run("runs", "list").err()).doesNotContain(id);
  }

  @Test
  void aDeadRunIsAuditedOnceAsInterruptedAndItsResumeAsResumed() throws Exception {
    runningAs(deadPid());
    h.run("runs", "list");
    h.run("runs", "list");
    h.run("runs", "show", id);
    List<JsonNode> interrupted = audit("run_interrupted");
    assertThat(interrupted).as("one line, from the first command that found it").hasSize(1);
    JsonNode line = interrupted.get(0);
    assertThat(line.path("run_id").asText()).isEqualTo(id);
    assertThat(line.path("command").asText()).isEqualTo("runs list");
    assertThat(line.path("connection").asText()).isEqualTo("db");
    assertThat(line.path("outcome").asText()).isEqualTo("interrupted");
    assertThat(line.path("detail").asText()).startsWith("record said running; process ");

    CliHarness.Result resumed = h.run("run", "--resume", id);
    assertThat(resumed.code()).as(resumed.all()).isZero();
    String newId = Json.MAPPER.readTree(h.lastRecord()).path("id").asText();
    List<JsonNode> opened = audit("run_resumed");
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).path("run_id").asText()).isEqualTo(newId);
    assertThat(opened.get(0).path("detail").asText()).isEqualTo("continues run " + id);
    assertThat(audit("run_started"))
        .as("a resumed run opens with run_resumed only")
        .extracting(l -> l.path("run_id").asText())
        .containsExactly(id);
    assertThat(audit("run_finished"))
        .extracting(l -> l.path("run_id").asText())
        .containsExactly(id, newId);
    h.run("runs", "repair", id);
    assertThat(audit("run_interrupted")).hasSize(1);
  }

  /** The audit log's lines of one event, oldest first. */
  private List<JsonNode> audit(String event) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(h.home.resolve("audit.jsonl"))) {
      JsonNode n = Json.MAPPER.readTree(l);
      if (n.path("event").asText().equals(event)) {
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void aLiveRunIsNotInterruptedAndRepairRefusesIt() throws Exception {
    // the test JVM's parent (the build) is alive on this host and started before the run
    runningAs(ProcessHandle.current().parent().orElseThrow().pid());
    assertThat(h.run("runs", "show", id).out()).contains("status:     running");
    CliHarness.Result repair = h.run("runs", "repair", id);
    assertThat(repair.code()).isEqualTo(9);
    assertThat(repair.err()).contains("run " + id + " - still running");
    assertThat(Json.MAPPER.readTree(record.toFile()).path("status").asText()).isEqualTo("running");
  }
}
