package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.exec.RunOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How a run works through its tables, shared by {@code run} and {@code reidentify}: its name, dry
 * run, batch size, row limit, workers, failure handling and waiting for locks.
 */
final class RunBatchOptions {
  @Option(names = "--name", description = "A name for this run, shown in 'guise runs list'.")
  String name;

  @Option(
      names = "--dry-run",
      description = "Validate, read and mask everything, write nothing; show a sample.")
  boolean dryRun;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Rows per batch (each batch commits on its own). Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      description = "Mask at most N rows per mask_table task.")
  long maxRows;

  @Option(
      names = "--continue-on-failure",
      description = "Keep running independent tasks after one fails (the run still ends failed).")
  boolean continueOnFailure;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Tasks of a parallel block run at once, and key ranges of one large table masked at"
              + " once (a table of at least 2 x max(--batch-size, 20,000) rows is cut into up to N"
              + " ranges, each on connections of its own; the result equals one worker's)."
              + " Default: ${DEFAULT-VALUE}.")
  int workers;

  @Option(
      names = "--wait",
      description =
          "When another run holds a table this run writes, wait for it (status 'queued') instead"
              + " of being refused (exit 9).")
  boolean waitForLocks;

  @Option(
      names = "--wait-timeout",
      paramLabel = "SECONDS",
      defaultValue = "3600",
      description = "With --wait: give up (exit 9) after this long. Default: ${DEFAULT-VALUE}.")
  long waitTimeout;

  /**
   * The run options these give, with the command's own sample settings.
   *
   * @param progressEvery the command's {@code --progress-every} (0 when it has none), checked here
   *     with the others
   */
  RunOptions options(int sampleRows, boolean showOriginals, long progressEvery) {
    if (batchSize < 1 || workers < 1 || maxRows < 0 || sampleRows < 0 || progressEvery < 0) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "--batch-size and --workers must be at least 1, --max-rows, --sample-rows and"
              + " --progress-every not negative");
    }
    return new RunOptions(
        name, dryRun, batchSize, maxRows, continueOnFailure, workers, sampleRows, showOriginals);
  }

  /** How long to wait for tables another run holds; null to be refused at once. */
  Duration waitFor() {
    if (waitTimeout < 0) {
      throw new GuiseException(ErrorCode.USAGE, "--wait-timeout - must not be negative");
    }
    return waitForLocks ? Duration.ofSeconds(waitTimeout) : null;
  }
}
