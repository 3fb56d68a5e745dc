package dev.guise.runlog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.guise.GuiseVersion;
import dev.guise.exec.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The run record (run.json) as of one snapshot. Holds no secret: the run secret appears only as a
 * fingerprint and the connection URL only redacted.
 *
 * @param tasks the top-level tasks; nested ones hang below their serial/parallel parent
 * @param samples before/after rows per table, for the summary (originals redacted unless asked)
 * @param samplesHoldOriginals --show-originals put real values in the samples: they stay out of
 *     run.json
 * @param reports the reports tasks wrote into the run's folder (discovery)
 */
@JsonPropertyOrder({
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
  "error",
  "tasks",
  "reports",
  "samples"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("status") RunStatus status,
    @JsonProperty("ruleset") Map<String, Object> ruleset,
    @JsonProperty("connection") Map<String, Object> connection,
    @JsonProperty("options") Map<String, Object> options,
    @JsonProperty("created_time") Instant createdTime,
    @JsonProperty("start_time") Instant startTime,
    @JsonProperty("end_time") Instant endTime,
    @JsonProperty("error") String error,
    @JsonProperty("tasks") List<TaskRecord> tasks,
    @JsonIgnore Map<String, List<Map<String, Object>>> samples,
    @JsonIgnore boolean samplesHoldOriginals,
    @JsonProperty("reports") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReportLink> reports) {

  /** {@code reidentification} for a {@code guise reidentify} run, else {@code database}. */
  @JsonProperty("mask_type")
  public String maskType() {
    if (options != null && Boolean.TRUE.equals(options.get("reidentify"))) {
      return "reidentification";
    }
    return connection != null && "file".equals(connection.get("type")) ? "file" : "database";
  }

  /** A dry run masks and writes nothing; said at the top so no one mistakes it for a real one. */
  @JsonProperty("dry_run")
  public boolean dryRun() {
    return options != null && Boolean.TRUE.equals(options.get("dry_run"));
  }

  /** The Guise that wrote this record. */
  @JsonProperty("guise_version")
  public String guiseVersion() {
    return GuiseVersion.current();
  }

  @JsonProperty("rows_masked")
  public long rowsMasked() {
    return sum(tasks, TaskRecord::rowsMasked);
  }

  @JsonProperty("rows_updated")
  public long rowsUpdated() {
    return sum(tasks, TaskRecord::rowsUpdated);
  }

  @JsonProperty("rows_total")
  public long rowsTotal() {
    return sum(tasks, t -> t.rowsTotal() == null ? 0 : t.rowsTotal());
  }

  /** The samples as written to run.json: never when they hold original values. */
  @JsonProperty("samples")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, List<Map<String, Object>>> recordedSamples() {
    return samplesHoldOriginals ? Map.of() : samples;
  }

  /** A counter summed over the task tree. */
  private static long sum(List<TaskRecord> tasks, ToLongFunction<TaskRecord> counter) {
    long n = 0;
    for (TaskRecord t : tasks) {
      n += counter.applyAsLong(t) + sum(t.tasks(), counter);
    }
    return n;
  }
}
