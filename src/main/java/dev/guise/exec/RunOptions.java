package dev.guise.exec;

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
    TargetMode targetMode) {
  // measured with bench/: batches this size die young in the GC and keep the pipeline busy;
  // 50,000 was slower on both PostgreSQL and MariaDB
  public static final int DEFAULT_BATCH_SIZE = 50_000;
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
        TargetMode.FAIL_IF_NOT_EMPTY);
  }

  public static RunOptions defaults() {
    return new RunOptions(null, false, DEFAULT_BATCH_SIZE, 0, false, DEFAULT_WORKERS, 5, false);
  }

  /** These options with the per-value policy, progress interval and description given. */
  public RunOptions withReporting(OnValueError policy, long every, String text) {
    return new RunOptions(
        name,
        dryRun,
        batchSize,
        maxRows,
        continueOnFailure,
        workers,
        sampleRows,
        showOriginals,
        policy,
        every,
        text,
        targetMode);
  }

  public RunOptions withTargetMode(TargetMode m) {
    return new RunOptions(
        name,
        dryRun,
        batchSize,
        maxRows,
        continueOnFailure,
        workers,
        sampleRows,
        showOriginals,
        onValueError,
        progressEvery,
        description,
        m);
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
        onValueError,
        progressEvery,
        description,
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
        onValueError,
        progressEvery,
        description,
        targetMode);
  }

  public RunOptions withContinueOnFailure(boolean c) {
    return new RunOptions(
        name,
        dryRun,
        batchSize,
        maxRows,
        c,
        workers,
        sampleRows,
        showOriginals,
        onValueError,
        progressEvery,
        description,
        targetMode);
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
        onValueError,
        progressEvery,
        description,
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
        onValueError,
        progressEvery,
        description,
        targetMode);
  }

  public RunOptions withShowOriginals(boolean s) {
    return new RunOptions(
        name,
        dryRun,
        batchSize,
        maxRows,
        continueOnFailure,
        workers,
        sampleRows,
        s,
        onValueError,
        progressEvery,
        description,
        targetMode);
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
        onValueError,
        progressEvery,
        description,
        targetMode);
  }
}
