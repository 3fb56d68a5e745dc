package dev.guise.runlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.guise.exec.RunStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * One task's entry in run.json, updated as the task advances. Mutable by design: it is the live
 * state the record file is rewritten from; all updates go through synchronized methods.
 */
@JsonPropertyOrder({
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
  "duration_ms",
  "error",
  "tasks"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TaskRecord {
  @JsonProperty("id")
  public final String id;

  @JsonProperty("type")
  public final String type;

  @JsonProperty("target")
  public final String target;

  private RunStatus status = RunStatus.QUEUED;
  private Long rowsTotal;
  private long rowsRead;
  private long rowsMasked;
  private long rowsUpdated;
  private long rowsSkipped;
  private long batchesCommitted;
  private List<Object> lastKey;
  private long durationMs;
  private String error;
  private final List<TaskRecord> tasks = new ArrayList<>();

  public TaskRecord(String id, String type, String target) {
    this.id = id;
    this.type = type;
    this.target = target;
  }

  public synchronized TaskRecord add(TaskRecord child) {
    tasks.add(child);
    return child;
  }

  @JsonProperty("tasks")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public synchronized List<TaskRecord> tasks() {
    return List.copyOf(tasks);
  }

  @JsonProperty("status")
  public synchronized RunStatus status() {
    return status;
  }

  public synchronized void status(RunStatus s) {
    status = s;
  }

  @JsonProperty("rows_total")
  public synchronized Long rowsTotal() {
    return rowsTotal;
  }

  public synchronized void rowsTotal(long n) {
    rowsTotal = n;
  }

  @JsonProperty("rows_read")
  public synchronized long rowsRead() {
    return rowsRead;
  }

  @JsonProperty("rows_masked")
  public synchronized long rowsMasked() {
    return rowsMasked;
  }

  @JsonProperty("rows_updated")
  public synchronized long rowsUpdated() {
    return rowsUpdated;
  }

  @JsonProperty("rows_skipped")
  public synchronized long rowsSkipped() {
    return rowsSkipped;
  }

  @JsonProperty("batches_committed")
  public synchronized long batchesCommitted() {
    return batchesCommitted;
  }

  /** The key of the last row of the last committed batch: where a resumed run would start. */
  @JsonProperty("last_key")
  public synchronized List<Object> lastKey() {
    return lastKey;
  }

  @JsonProperty("duration_ms")
  public synchronized long durationMs() {
    return durationMs;
  }

  public synchronized void durationMs(long ms) {
    durationMs = ms;
  }

  @JsonProperty("error")
  public synchronized String error() {
    return error;
  }

  public synchronized void error(String e) {
    error = e;
  }

  /** Counts one batch that was read and masked (and, unless a dry run, committed). */
  public synchronized void batch(
      long read, long masked, long updated, long skipped, boolean committed, List<Object> key) {
    rowsRead += read;
    rowsMasked += masked;
    rowsUpdated += updated;
    rowsSkipped += skipped;
    if (committed) {
      batchesCommitted++;
      lastKey = key;
    }
  }
}
