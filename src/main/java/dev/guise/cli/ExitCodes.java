package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.exec.RunStatus;

/** The one place exit codes are decided (documented in the README and {@code guise --help}). */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int INVALID = 3;
  public static final int DATABASE = 4;
  public static final int RUN_FAILED = 5;
  public static final int CANCELLED = 6;
  public static final int STRICT_WARNINGS = 7;

  /**
   * A coverage gap: a sensitive column no rule masks ({@code discover --fail-on-uncovered}), or
   * originals that survived where a mask promised a change ({@code verify}).
   */
  public static final int COVERAGE_GAP = 8;

  public static final int LOCKED = 9;

  public static final String HELP =
      "%nExit codes:%n"
          + "  0  finished (or finished with warnings without --strict)%n"
          + "  1  internal error (a bug; rerun with -v and report it)%n"
          + "  2  usage error (bad flags)%n"
          + "  3  invalid ruleset or configuration (nothing was touched)%n"
          + "  4  database or connection error%n"
          + "  5  the run failed (a task failed)%n"
          + "  6  the run was cancelled%n"
          + "  7  warnings under --strict%n"
          + "  8  coverage gap: a sensitive column no rule masks (discover --fail-on-uncovered),%n"
          + "     or originals survived where a mask promised a change (verify)%n"
          + "  9  another run holds a table this run writes (nothing was written)%n";

  private ExitCodes() {}

  public static int of(ErrorCode code) {
    return switch (code) {
      case INTERNAL -> INTERNAL;
      case USAGE -> USAGE;
      case INVALID_CONFIGURATION -> INVALID;
      case DATABASE -> DATABASE;
      case RUN_FAILED -> RUN_FAILED;
      case CANCELLED -> CANCELLED;
      case STRICT_WARNINGS -> STRICT_WARNINGS;
      case COVERAGE_GAP -> COVERAGE_GAP;
      case LOCKED -> LOCKED;
    };
  }

  public static int of(RunStatus status, boolean strict) {
    return switch (status) {
      case FINISHED -> OK;
      case FINISHED_WITH_WARNINGS -> strict ? STRICT_WARNINGS : OK;
      case CANCELLED, CANCELLING -> CANCELLED;
      case FAILED -> RUN_FAILED;
      default -> INTERNAL;
    };
  }
}
