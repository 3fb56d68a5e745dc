package dev.guise.runlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.guise.exec.RunStatus;
import java.util.List;
import java.util.Map;

/**
 * One task's entry in run.json, as of one snapshot.
 *
 * @param rowsTotal the rows a table task will visit; null for other tasks
 * @param lastKey the key of the last row of the last committed batch: where a resumed run would
 *     start
 * @param valueErrors values the masks could not mask and {@code --on-value-error} let through:
 *     counts, reasons and row keys, never a value; null when there were none
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
  "value_errors",
  "tasks",
  "bytes_done",
  "bytes_total"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRecord(
    @JsonProperty("id") String id,
    @JsonProperty("type") String type,
    @JsonProperty("target") String target,
    @JsonProperty("status") RunStatus status,
    @JsonProperty("rows_total") Long rowsTotal,
    @JsonProperty("rows_read") long rowsRead,
    @JsonProperty("rows_masked") long rowsMasked,
    @JsonProperty("rows_updated") long rowsUpdated,
    @JsonProperty("rows_skipped") long rowsSkipped,
    @JsonProperty("batches_committed") long batchesCommitted,
    @JsonProperty("last_key") List<Object> lastKey,
    @JsonProperty("duration_ms") long durationMs,
    @JsonProperty("error") String error,
    @JsonProperty("value_errors") Map<String, Object> valueErrors,
    @JsonProperty("tasks") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TaskRecord> tasks,
    @JsonProperty("bytes_done") @JsonInclude(JsonInclude.Include.NON_NULL) Long bytesDone,
    @JsonProperty("bytes_total") @JsonInclude(JsonInclude.Include.NON_NULL) Long bytesTotal) {}
