package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.exec.TargetMode;
import picocli.CommandLine.Option;

/** {@code --source}, {@code --target} and {@code --target-mode}: of run, validate and plan. */
final class TransferOptions {
  @Option(
      names = "--source",
      paramLabel = "NAME",
      description =
          "Read rows from this connection (only read, opened read-only) and write them masked to"
              + " --target: an on-the-fly run. Not with -c. When both are file connections (type:"
              + " file, path: FOLDER) the run masks files: every selected file of the source folder"
              + " is written, masked, under the same path in the target folder (docs/files.md).")
  String source;

  @Option(
      names = "--target",
      paramLabel = "NAME",
      description =
          "With --source: the connection masked rows (or files) are written to. Its tables must"
              + " exist; Guise's progress table and locks live here.")
  String target;

  @Option(
      names = "--target-mode",
      paramLabel = "MODE",
      description =
          "With --target: what to do with a target that holds data: fail-if-not-empty"
              + " (default: refused, exit 3), truncate (emptied first, children before parents;"
              + " files: replaced), append (databases only).")
  String targetMode;

  /** Whether any of the three is given. */
  boolean given() {
    return source != null || target != null || targetMode != null;
  }

  /**
   * The target mode, after checking that the options go together (and not with {@code -c}); a usage
   * error (exit 2) otherwise.
   */
  TargetMode mode(String connection) {
    if (connection != null && source != null) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "-c and --source - give one: -c masks a database in place, --source reads one and"
              + " --target receives the masked rows");
    }
    if ((source == null) != (target == null)) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "--source and --target - give both, or neither (and -c to mask in place)");
    }
    if (targetMode != null && target == null) {
      throw new GuiseException(ErrorCode.USAGE, "--target-mode - only with --source and --target");
    }
    if (targetMode == null) {
      return TargetMode.FAIL_IF_NOT_EMPTY;
    }
    return TargetMode.of(targetMode)
        .orElseThrow(
            () ->
                new GuiseException(
                    ErrorCode.USAGE,
                    "--target-mode - unknown mode '"
                        + targetMode
                        + "'; expected truncate, append or fail-if-not-empty"));
  }
}
