package dev.guise.runlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.guise.exec.RunStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run record (run.json). Holds no secret: the run secret appears only as a fingerprint and the
 * connection URL only redacted.
 */
@JsonPropertyOrder({
  "id", "name", "status", "mask_type", "ruleset", "connection", "options", "created_time",
  "start_time", "end_time", "rows_masked", "rows_total", "rows_updated", "error", "tasks", "samples"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RunRecord {
  @JsonProperty("id")
  public final String id;

  @JsonProperty("name")
  public final String name;

  @JsonProperty("mask_type")
  public final String maskType = "database";

  @JsonProperty("ruleset")
  public final Map<String, Object> ruleset;

  @JsonProperty("connection")
  public final Map<String, Object> connection;

  @JsonProperty("options")
  public final Map<String, Object> options;

  @JsonProperty("created_time")
  public final Instant createdTime;

  private RunStatus status = RunStatus.QUEUED;
  private Instant startTime;
  private Instant endTime;
  private String error;
  private final TaskRecord root = new TaskRecord("", "serial", null);
  private final Map<String, List<Map<String, Object>>> samples = new LinkedHashMap<>();
  private boolean samplesHoldOriginals;

  public RunRecord(
      String id,
      String name,
      Map<String, Object> ruleset,
      Map<String, Object> connection,
      Map<String, Object> options,
      Instant createdTime) {
    this.id = id;
    this.name = name;
    this.ruleset = ruleset;
    this.connection = connection;
    this.options = options;
    this.createdTime = createdTime;
  }

  /** The top-level task list; nested tasks hang below their serial/parallel parent. */
  public TaskRecord root() {
    return root;
  }

  @JsonProperty("tasks")
  public List<TaskRecord> tasks() {
    return root.tasks();
  }

  @JsonProperty("status")
  public synchronized RunStatus status() {
    return status;
  }

  public synchronized void status(RunStatus s) {
    status = s;
  }

  @JsonProperty("start_time")
  public synchronized Instant startTime() {
    return startTime;
  }

  public synchronized void startTime(Instant t) {
    startTime = t;
  }

  @JsonProperty("end_time")
  public synchronized Instant endTime() {
    return endTime;
  }

  public synchronized void endTime(Instant t) {
    endTime = t;
  }

  @JsonProperty("error")
  public synchronized String error() {
    return error;
  }

  public synchronized void error(String e) {
    error = e;
  }

  @JsonProperty("rows_masked")
  public long rowsMasked() {
    return sum(root, TaskRecord::rowsMasked);
  }

  @JsonProperty("rows_updated")
  public long rowsUpdated() {
    return sum(root, TaskRecord::rowsUpdated);
  }

  @JsonProperty("rows_total")
  public long rowsTotal() {
    return sum(root, t -> t.rowsTotal() == null ? 0 : t.rowsTotal());
  }

  /** Before/after samples per table, for the summary (originals redacted unless asked for). */
  public synchronized Map<String, List<Map<String, Object>>> samples() {
    return new LinkedHashMap<>(samples);
  }

  /** The samples as written to run.json: never when they hold original values. */
  @JsonProperty("samples")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  synchronized Map<String, List<Map<String, Object>>> recordedSamples() {
    return samplesHoldOriginals ? Map.of() : new LinkedHashMap<>(samples);
  }

  /** Set when --show-originals put real values in the samples: they stay out of run.json. */
  public synchronized void samplesHoldOriginals(boolean b) {
    samplesHoldOriginals = b;
  }

  public synchronized void sample(String table, List<Map<String, Object>> rows) {
    samples.put(table, rows);
  }

  /** A counter summed over the task tree. */
  private static long sum(TaskRecord t, java.util.function.ToLongFunction<TaskRecord> counter) {
    long n = counter.applyAsLong(t);
    for (TaskRecord c : t.tasks()) {
      n += sum(c, counter);
    }
    return n;
  }
}
