package dev.guise.exec;

import java.util.function.Consumer;

/**
 * Run options, mirroring DataMasque's.
 *
 * @param maxRows rows per mask_table at most; 0 for all
 * @param workers tasks of a {@code parallel} block run at once
 * @param sampleRows before/after rows kept per table for the report
 * @param showOriginals put original values in the sample (off: they are redacted)
 * @param onValueError what a table task does with a value its masks cannot mask
 * @param progressEvery a progress line in the log every N rows of a table task; 0 for one per batch
 *     only (Delphix's feedbackSize)
 * @param description free text kept in the run record (Delphix's jobDescription), or null
 * @param targetMode in a source → target run, what to do with target tables that hold rows
 * @param shard which of N runs that mask the tables together this is; null for a whole run
 */
public record RunOptions(
    String name,
    boolean dryRun,
    int batchSize,
    long maxRows,
    boolean continueOnFailure,
    int workers,
    int sampleRows,
    boolean showOriginals,
    OnValueError onValueError,
    long progressEvery,
    String description,
    TargetMode targetMode,
    Shard shard) {
  // measured with bench/ (RESULTS.md, 2026-12-04): faster than 50,000 in place on PostgreSQL and
  // MariaDB, and on the fly less CPU and a quarter of the heap (batches die young in the GC)
  public static final int DEFAULT_BATCH_SIZE = 10_000;
  public static final int DEFAULT_WORKERS = 2;

  public RunOptions {
    onValueError = onValueError == null ? OnValueError.FAIL : onValueError;
    targetMode = targetMode == null ? TargetMode.FAIL_IF_NOT_EMPTY : targetMode;
  }

  /**
   * Options of an in-place run with the defaults for the per-value policy, progress lines,
   * description and target mode.
   */
  public RunOptions(
      String name,
      boolean dryRun,
      int batchSize,
      long maxRows,
      boolean continueOnFailure,
      int workers,
      int sampleRows,
      boolean showOriginals) {
    this(
        name,
        dryRun,
        batchSize,
        maxRows,
        continueOnFailure,
        workers,
        sampleRows,
        showOriginals,
        OnValueError.FAIL,
        0,
        null,
        TargetMode.FAIL_IF_NOT_EMPTY,
        null);
  }

  public static RunOptions defaults() {
    return new RunOptions(null, false, DEFAULT_BATCH_SIZE, 0, false, DEFAULT_WORKERS, 5, false);
  }

  /** These options with the per-value policy, progress interval and description given. */
  public RunOptions withReporting(OnValueError policy, long every, String text) {
    return with(
        b -> {
          b.onValueError = policy;
          b.progressEvery = every;
          b.description = text;
        });
  }

  public RunOptions withTargetMode(TargetMode m) {
    return with(b -> b.targetMode = m);
  }

  public RunOptions withShard(Shard s) {
    return with(b -> b.shard = s);
  }

  public RunOptions withDryRun(boolean d) {
    return with(b -> b.dryRun = d);
  }

  public RunOptions withBatchSize(int n) {
    return with(b -> b.batchSize = n);
  }

  public RunOptions withContinueOnFailure(boolean c) {
    return with(b -> b.continueOnFailure = c);
  }

  public RunOptions withMaxRows(long m) {
    return with(b -> b.maxRows = m);
  }

  public RunOptions withWorkers(int w) {
    return with(b -> b.workers = w);
  }

  public RunOptions withShowOriginals(boolean s) {
    return with(b -> b.showOriginals = s);
  }

  public RunOptions withName(String n) {
    return with(b -> b.name = n);
  }

  /** A copy with what {@code change} sets: the one place that lists every component twice. */
  private RunOptions with(Consumer<Copy> change) {
    Copy b = new Copy(this);
    change.accept(b);
    return new RunOptions(
        b.name,
        b.dryRun,
        b.batchSize,
        b.maxRows,
        b.continueOnFailure,
        b.workers,
        b.sampleRows,
        b.showOriginals,
        b.onValueError,
        b.progressEvery,
        b.description,
        b.targetMode,
        b.shard);
  }

  /** The components of one {@link RunOptions}, open for {@link #with} to change. */
  private static final class Copy {
    String name;
    boolean dryRun;
    int batchSize;
    long maxRows;
    boolean continueOnFailure;
    int workers;
    int sampleRows;
    boolean showOriginals;
    OnValueError onValueError;
    long progressEvery;
    String description;
    TargetMode targetMode;
    Shard shard;

    Copy(RunOptions o) {
      name = o.name;
      dryRun = o.dryRun;
      batchSize = o.batchSize;
      maxRows = o.maxRows;
      continueOnFailure = o.continueOnFailure;
      workers = o.workers;
      sampleRows = o.sampleRows;
      showOriginals = o.showOriginals;
      onValueError = o.onValueError;
      progressEvery = o.progressEvery;
      description = o.description;
      targetMode = o.targetMode;
      shard = o.shard;
    }
  }
}
