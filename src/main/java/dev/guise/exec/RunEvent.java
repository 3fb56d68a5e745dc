package dev.guise.exec;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the executor reports while it runs; it never prints nor writes files. Listeners (the run
 * recorder, the terminal progress) turn events into records and lines.
 */
public sealed interface RunEvent {
  /**
   * The run began.
   *
   * @param tasks the task tree, as the record lists it
   */
  record RunStarted(Instant at, boolean dryRun, List<TaskOutline> tasks) implements RunEvent {}

  /** One node of the task tree; {@code target} is the table it works on, or null. */
  record TaskOutline(String id, String type, String target, List<TaskOutline> tasks) {}

  /** A serial or parallel block began running its children. */
  record GroupStarted(String taskId) implements RunEvent {}

  /** A serial or parallel block ended; its status sums up its children's. */
  record GroupFinished(String taskId, RunStatus status, long durationMs) implements RunEvent {}

  /** A task began; {@code total} is the rows it will visit, or -1 when not a table task. */
  record TaskStarted(String taskId, String description, long total) implements RunEvent {}

  /** Rows counted for one batch, or for a task so far. */
  record Counts(long read, long masked, long updated, long skipped) {
    public Counts plus(Counts o) {
      return new Counts(read + o.read, masked + o.masked, updated + o.updated, skipped + o.skipped);
    }
  }

  /**
   * A batch was masked and committed (in a dry run: masked, and nothing written).
   *
   * @param batch this batch's rows
   * @param task the task's rows so far, this batch included
   * @param total the rows the task will visit
   * @param lastKey the key of the batch's last row: where a resumed run would start
   */
  record BatchCommitted(
      String taskId,
      String target,
      Counts batch,
      Counts task,
      long total,
      List<Object> lastKey,
      boolean dryRun)
      implements RunEvent {}

  /**
   * Keyed fingerprints of the original values of one batch's masked columns, published on the
   * writer thread just before the batch commits (never in a dry run), for {@code guise verify}.
   * They hold no value: each is 8 bytes of an HMAC under a key derived from the run key.
   *
   * @param table the table as the ruleset names it (resolved again by verify)
   * @param key the key columns, in order
   * @param batch the batch's number within the task (a resumed run continues the count)
   * @param version how the fingerprints were computed ({@code PrintScheme})
   */
  record OriginalsFingerprinted(
      String taskId,
      String table,
      List<String> key,
      long batch,
      int version,
      List<ColumnPrints> columns)
      implements RunEvent {}

  /**
   * One column's fingerprints in a batch: of (row key, value) and of the value alone, in no order.
   *
   * @param alwaysChanges the column's mask promises a value different from the original
   */
  record ColumnPrints(String column, boolean alwaysChanges, long[] sameRow, long[] anyRow) {}

  /** Before/after rows of a table (originals redacted unless the run shows them). */
  record Samples(String table, List<Map<String, Object>> rows) implements RunEvent {}

  /**
   * A task made a report for the run's folder (discovery): names, types and reasons, never a data
   * value. The recorder writes it and links it from the run record.
   *
   * @param kind {@code schema} or {@code sdd}
   * @param file the file name it asks for, e.g. {@code sdd-report.csv}
   */
  record Report(String taskId, String kind, String file, String text) implements RunEvent {}

  /**
   * A table task met values its masks could not mask and went on, as {@code --on-value-error skip}
   * or {@code null} asks: counts, reasons and the first rows' keys, never a value. Published once,
   * when the task ends; a {@link Warning} goes with it.
   *
   * @param policy {@code skip} or {@code null}
   * @param count the task's values not masked, all columns
   */
  record ValueErrorsCounted(
      String taskId, String table, String policy, long count, List<ColumnValueErrors> columns)
      implements RunEvent {}

  /**
   * One column's values not masked.
   *
   * @param reason the first failure's reason, as the mask phrased it (no value)
   * @param sampleKeys the keys of the first rows, at most ten
   */
  record ColumnValueErrors(String column, long count, String reason, List<String> sampleKeys) {}

  /**
   * A file task's progress, published with each batch: bytes read of all the files it masks, and
   * rows so far.
   *
   * @param file the file being masked, relative to the source folder
   * @param bytesDone bytes read of the task's files (those before this one whole)
   * @param bytesTotal the size of every file the task masks
   */
  record FileProgress(String taskId, String file, long bytesDone, long bytesTotal, long rows)
      implements RunEvent {}

  /**
   * A file of a file task is whole in the target: masked and renamed into place by this run, or
   * kept from the run this one resumes. The run log keeps it, so that a run stopped in any way
   * (kill -9 too) can be resumed from the files it finished.
   *
   * @param sourceSize the source file's size when it was masked
   * @param targetSize the masked file's size
   * @param maskedBy the run that masked it, or null for this one
   */
  record FileWritten(
      String taskId, String file, long sourceSize, long targetSize, long rows, String maskedBy)
      implements RunEvent {}

  /** A task ended; {@code error} is set when it failed. */
  record TaskFinished(
      String taskId, String description, RunStatus status, String error, long durationMs)
      implements RunEvent {}

  /** A task (and its queued children) will not run: the run is stopping. */
  record TaskSkipped(String taskId, RunStatus status) implements RunEvent {}

  /** The user asked to stop; the batch in flight finishes first. */
  record Cancelling() implements RunEvent {}

  /**
   * A table task passed another multiple of {@code --progress-every} rows (Delphix's feedbackSize):
   * a line for the log and the terminal.
   */
  record ProgressReached(String taskId, String target, long done, long total) implements RunEvent {
    public String line() {
      return target
          + ": "
          + done
          + "/"
          + total
          + " rows"
          + (total > 0 ? " (" + (done * 100 / total) + "%)" : "");
    }
  }

  /** Something worth a line in the log; {@code taskId} may be null. */
  record Note(String taskId, String message) implements RunEvent {}

  /** A warning worth showing the user; {@code taskId} may be null. */
  record Warning(String taskId, String message) implements RunEvent {}

  /** The run ended with its final status. */
  record RunFinished(Instant at, RunStatus status) implements RunEvent {}
}
