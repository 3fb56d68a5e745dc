package dev.guise;

/** What kind of failure a {@link GuiseException} reports; the CLI maps each to an exit code. */
public enum ErrorCode {
  /** A bug in Guise. */
  INTERNAL,
  /** Bad command-line usage. */
  USAGE,
  /** Invalid ruleset, connections file or other configuration; nothing was touched. */
  INVALID_CONFIGURATION,
  /** The database could not be reached or refused a statement outside a task. */
  DATABASE,
  /** A task of the run failed. */
  RUN_FAILED,
  /** The run was cancelled. */
  CANCELLED,
  /** Warnings were found and --strict was given. */
  STRICT_WARNINGS,
  /** A sensitive column no rule masks ({@code discover --fail-on-uncovered}). */
  COVERAGE_GAP,
  /** Another run holds a table this one writes (or the run to repair is alive). */
  LOCKED
}
