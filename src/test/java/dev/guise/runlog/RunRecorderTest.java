package dev.guise.runlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.exec.RunEvent;
import dev.guise.exec.RunEvent.Counts;
import dev.guise.exec.RunEvent.TaskOutline;
import dev.guise.exec.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events in, run.json snapshots and log.jsonl lines out. */
class RunRecorderTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  @TempDir Path dir;

  private RunStore store;

  private RunRecorder recorder(boolean showOriginals) {
    store = new RunStore(dir);
    store.create("r1");
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("dry_run", false);
    options.put("max_rows", null);
    return new RunRecorder(
        store,
        new RunRecorder.Header(
            "r1", "nightly", Map.of("path", "r.yml"), Map.of("name", "db"), options, T0),
        showOriginals,
        CLOCK);
  }

  private static List<TaskOutline> outline() {
    return List.of(
        new TaskOutline("1", "mask_table", "PUBLIC.T", List.of()),
        new TaskOutline(
            "2", "serial", null, List.of(new TaskOutline("2.1", "run_sql", null, List.of()))));
  }

  private static RunEvent.BatchCommitted batch(
      Counts batch, Counts sofar, long key, boolean dryRun) {
    return new RunEvent.BatchCommitted("1", "PUBLIC.T", batch, sofar, 250, List.of(key), dryRun);
  }

  private JsonNode runJson() throws Exception {
    return Json.MAPPER.readTree(dir.resolve("r1").resolve(RunStore.RECORD).toFile());
  }

  private List<JsonNode> logLines() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("r1").resolve(RunStore.LOG))) {
      out.add(Json.MAPPER.readTree(line));
    }
    return out;
  }

  @Test
  void eventsBecomeTheRunRecordAndLogLines() throws Exception {
    try (RunRecorder r = recorder(false)) {
      r.validating();
      assertThat(runJson().path("status").asText()).isEqualTo("validating");
      r.on(new RunEvent.RunStarted(T0.plusSeconds(1), false, outline()));
      assertThat(runJson().path("tasks").get(0).path("status").asText()).isEqualTo("queued");
      r.on(new RunEvent.TaskStarted("1", "mask_table PUBLIC.T", 250));
      r.on(batch(new Counts(200, 150, 150, 50), new Counts(200, 150, 150, 50), 200, false));
      JsonNode mid = runJson().path("tasks").get(0);
      assertThat(mid.path("status").asText()).isEqualTo("running");
      assertThat(mid.path("rows_updated").asLong()).isEqualTo(150);
      assertThat(mid.path("last_key").get(0).asLong()).isEqualTo(200);
      r.on(batch(new Counts(50, 50, 49, 0), new Counts(250, 200, 199, 50), 250, false));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", 1);
      row.put("v", Map.of("before", "<redacted>", "after", "x"));
      r.on(new RunEvent.Samples("PUBLIC.T", List.of(row)));
      r.on(new RunEvent.TaskFinished("1", "mask_table PUBLIC.T", RunStatus.FINISHED, null, 42));
      r.on(new RunEvent.GroupStarted("2"));
      r.on(new RunEvent.TaskStarted("2.1", "run_sql DELETE", -1));
      r.on(new RunEvent.TaskFinished("2.1", "run_sql DELETE", RunStatus.FAILED, "boom", 7));
      r.on(new RunEvent.GroupFinished("2", RunStatus.FAILED, 9));
      r.on(new RunEvent.Warning(null, "could not drop temporary table x"));
      r.on(new RunEvent.RunFinished(T0.plusSeconds(60), RunStatus.FAILED));
    }
    JsonNode rec = runJson();
    List<String> names = new ArrayList<>();
    rec.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "id",
            "name",
            "status",
            "dry_run",
            "guise_version",
            "mask_type",
            "ruleset",
            "connection",
            "options",
            "created_time",
            "start_time",
            "end_time",
            "rows_masked",
            "rows_total",
            "rows_updated",
            "tasks",
            "samples");
    assertThat(rec.path("status").asText()).isEqualTo("failed");
    assertThat(rec.path("mask_type").asText()).isEqualTo("database");
    assertThat(rec.path("dry_run").asBoolean()).isFalse();
    assertThat(rec.path("options").has("max_rows")).isTrue();
    assertThat(rec.path("created_time").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(rec.path("start_time").asText()).isEqualTo("2026-01-02T03:04:06Z");
    assertThat(rec.path("end_time").asText()).isEqualTo("2026-01-02T03:05:05Z");
    assertThat(rec.path("rows_masked").asLong()).isEqualTo(200);
    assertThat(rec.path("rows_updated").asLong()).isEqualTo(199);
    assertThat(rec.path("rows_total").asLong()).isEqualTo(250);
    JsonNode t1 = rec.path("tasks").get(0);
    List<String> taskFields = new ArrayList<>();
    t1.fieldNames().forEachRemaining(taskFields::add);
    assertThat(taskFields)
        .containsExactly(
            "id",
            "type",
            "target",
            "status",
            "rows_total",
            "rows_read",
            "rows_masked",
            "rows_updated",
            "rows_skipped",
            "batches_committed",
            "last_key",
            "duration_ms");
    assertThat(t1.path("rows_read").asLong()).isEqualTo(250);
    assertThat(t1.path("rows_skipped").asLong()).isEqualTo(50);
    assertThat(t1.path("batches_committed").asLong()).isEqualTo(2);
    assertThat(t1.path("last_key").toString()).isEqualTo("[250]");
    assertThat(t1.path("duration_ms").asLong()).isEqualTo(42);
    JsonNode group = rec.path("tasks").get(1);
    assertThat(group.path("status").asText()).isEqualTo("failed");
    assertThat(group.path("duration_ms").asLong()).isEqualTo(9);
    assertThat(group.has("rows_total")).isFalse();
    assertThat(group.path("tasks").get(0).path("error").asText()).isEqualTo("boom");
    assertThat(rec.path("samples").path("PUBLIC.T").get(0).path("v").path("after").asText())
        .isEqualTo("x");

    List<JsonNode> log = logLines();
    assertThat(log).allMatch(l -> l.path("timestamp").asText().equals("2026-01-02T03:04:05Z"));
    assertThat(log)
        .extracting(l -> l.path("log_level").asInt() + " " + l.path("message").asText())
        .containsExactly(
            "20 run started",
            "20 masking PUBLIC.T: 250 rows",
            "20 PUBLIC.T: 200/250 rows",
            "20 PUBLIC.T: 250/250 rows",
            "20 mask_table PUBLIC.T: finished",
            "40 boom",
            "30 could not drop temporary table x",
            "40 run failed");
    assertThat(log.get(3).path("rows_updated").asLong()).isEqualTo(199);
    assertThat(log.get(3).path("task").asText()).isEqualTo("1");
    assertThat(log.get(4).path("duration_ms").asLong()).isEqualTo(42);
    assertThat(log.get(4).path("rows_masked").asLong()).isEqualTo(200);
    assertThat(log.get(7).path("rows_masked").asLong()).isEqualTo(200);
    assertThat(log.get(7).path("task").isNull()).isTrue();
  }

  @Test
  void cancellingShowsUntilTheRunEndsAndDryRunsCommitNothing() throws Exception {
    try (RunRecorder r = recorder(false)) {
      r.on(new RunEvent.RunStarted(T0, true, outline()));
      r.on(new RunEvent.TaskStarted("1", "mask_table PUBLIC.T", 250));
      r.on(new RunEvent.Cancelling());
      assertThat(runJson().path("status").asText()).isEqualTo("cancelling");
      r.on(batch(new Counts(100, 100, 0, 0), new Counts(100, 100, 0, 0), 100, true));
      assertThat(runJson().path("status").asText()).isEqualTo("cancelling");
      r.on(new RunEvent.TaskFinished("1", "mask_table PUBLIC.T", RunStatus.CANCELLED, null, 0));
      r.on(new RunEvent.TaskSkipped("2", RunStatus.CANCELLED));
      r.on(new RunEvent.TaskSkipped("2.1", RunStatus.CANCELLED));
      r.on(new RunEvent.RunFinished(T0, RunStatus.CANCELLED));
      r.on(new RunEvent.Cancelling()); // too late: the run has ended
    }
    JsonNode rec = runJson();
    assertThat(rec.path("status").asText()).isEqualTo("cancelled");
    JsonNode t1 = rec.path("tasks").get(0);
    assertThat(t1.path("rows_masked").asLong()).isEqualTo(100);
    assertThat(t1.path("batches_committed").asLong()).isZero();
    assertThat(t1.has("last_key")).isFalse();
    assertThat(rec.path("tasks").get(1).path("tasks").get(0).path("status").asText())
        .isEqualTo("cancelled");
    assertThat(logLines().get(0).path("message").asText())
        .isEqualTo("run started (dry run: nothing will be written)");
  }

  @Test
  void samplesWithOriginalsStayOutOfTheFile() throws Exception {
    RunRecord snapshot;
    try (RunRecorder r = recorder(true)) {
      r.on(new RunEvent.RunStarted(T0, false, outline()));
      r.on(new RunEvent.Samples("PUBLIC.T", List.of(Map.of("v", "real value"))));
      r.on(new RunEvent.RunFinished(T0, RunStatus.FINISHED));
      snapshot = r.snapshot();
    }
    assertThat(snapshot.samples()).containsKey("PUBLIC.T");
    assertThat(runJson().has("samples")).isFalse();
    assertThat(Files.readString(dir.resolve("r1").resolve(RunStore.RECORD)))
        .doesNotContain("real value");
  }

  /** A value whose serialization fails half-way through the record. */
  public static final class Unwritable {
    public String getValue() {
      throw new IllegalStateException("disk full, say");
    }
  }

  @Test
  void aWriteThatFailsMidwayLeavesThePreviousSnapshot() throws Exception {
    try (RunRecorder r = recorder(false)) {
      r.on(new RunEvent.RunStarted(T0, false, outline()));
      r.on(new RunEvent.TaskStarted("1", "mask_table PUBLIC.T", 250));
      String before = Files.readString(dir.resolve("r1").resolve(RunStore.RECORD));
      r.on(new RunEvent.Samples("PUBLIC.T", List.of(Map.of("v", new Unwritable()))));
      assertThatThrownBy(
              () -> r.on(batch(new Counts(1, 1, 1, 0), new Counts(1, 1, 1, 0), 1, false)))
          .hasStackTraceContaining("disk full, say");
      assertThat(Files.readString(dir.resolve("r1").resolve(RunStore.RECORD))).isEqualTo(before);
      assertThat(runJson().path("tasks").get(0).path("status").asText()).isEqualTo("running");
    }
  }

  @Test
  void readersNeverSeeAPartialRecord() throws Exception {
    Path file = dir.resolve("r1").resolve(RunStore.RECORD);
    AtomicBoolean done = new AtomicBoolean();
    List<String> unreadable = new ArrayList<>();
    try (RunRecorder r = recorder(false)) {
      r.on(new RunEvent.RunStarted(T0, false, outline()));
      r.on(new RunEvent.TaskStarted("1", "mask_table PUBLIC.T", 250));
      List<Map<String, Object>> big = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        big.add(Map.of("id", i, "v", "x".repeat(40)));
      }
      r.on(new RunEvent.Samples("PUBLIC.T", big));
      Thread reader =
          new Thread(
              () -> {
                while (!done.get()) {
                  try {
                    Json.MAPPER.readTree(Files.readString(file));
                  } catch (Exception e) {
                    unreadable.add(e.toString());
                  }
                }
              });
      reader.start();
      Counts sofar = new Counts(0, 0, 0, 0);
      for (int i = 1; i <= 100; i++) {
        Counts one = new Counts(1, 1, 1, 0);
        sofar = sofar.plus(one);
        r.on(batch(one, sofar, i, false));
      }
      done.set(true);
      reader.join();
    }
    assertThat(unreadable).isEmpty();
    assertThat(runJson().path("tasks").get(0).path("batches_committed").asLong()).isEqualTo(100);
  }
}
