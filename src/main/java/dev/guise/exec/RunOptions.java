package dev.guise.exec;

/**
 * Run options, mirroring DataMasque's.
 *
 * @param maxRows rows per mask_table at most; 0 for all
 * @param workers tasks of a {@code parallel} block run at once
 * @param sampleRows before/after rows kept per table for the report
 * @param showOriginals put original values in the sample (off: they are redacted)
 * @param targetMode in a source → target run, what to do with target tables that hold rows
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
    TargetMode targetMode) {
  // measured with bench/: batches this size die young in the GC and keep the pipeline busy;
  // 50,000 was slower on both PostgreSQL and MariaDB
  public static final int DEFAULT_BATCH_SIZE = 50_000;
  public static final int DEFAULT_WORKERS = 2;

  public RunOptions {
    targetMode = targetMode == null ? TargetMode.FAIL_IF_NOT_EMPTY : targetMode;
  }

  /** Options of an in-place run (or a source → target run with the default target mode). */
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
        TargetMode.FAIL_IF_NOT_EMPTY);
  }

  public static RunOptions defaults() {
    return new RunOptions(null, false, DEFAULT_BATCH_SIZE, 0, false, DEFAULT_WORKERS, 5, false);
  }

  public RunOptions withDryRun(boolean d) {
    return new RunOptions(
        name,
        d,
        batchSize,
        maxRows,
        continueOnFailure,
        workers,
        sampleRows,
        showOriginals,
        targetMode);
  }

  public RunOptions withBatchSize(int b) {
    return new RunOptions(
        name,
        dryRun,
        b,
        maxRows,
        continueOnFailure,
        workers,
        sampleRows,
        showOriginals,
        targetMode);
  }

  public RunOptions withContinueOnFailure(boolean c) {
    return new RunOptions(
        name, dryRun, batchSize, maxRows, c, workers, sampleRows, showOriginals, targetMode);
  }

  public RunOptions withMaxRows(long m) {
    return new RunOptions(
        name,
        dryRun,
        batchSize,
        m,
        continueOnFailure,
        workers,
        sampleRows,
        showOriginals,
        targetMode);
  }

  public RunOptions withWorkers(int w) {
    return new RunOptions(
        name,
        dryRun,
        batchSize,
        maxRows,
        continueOnFailure,
        w,
        sampleRows,
        showOriginals,
        targetMode);
  }

  public RunOptions withShowOriginals(boolean s) {
    return new RunOptions(
        name, dryRun, batchSize, maxRows, continueOnFailure, workers, sampleRows, s, targetMode);
  }

  public RunOptions withTargetMode(TargetMode m) {
    return new RunOptions(
        name, dryRun, batchSize, maxRows, continueOnFailure, workers, sampleRows, showOriginals, m);
  }

  public RunOptions withName(String n) {
    return new RunOptions(
        n,
        dryRun,
        batchSize,
        maxRows,
        continueOnFailure,
        workers,
        sampleRows,
        showOriginals,
        targetMode);
  }
}
