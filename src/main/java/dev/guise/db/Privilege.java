package dev.guise.db;

/**
 * One thing a run needs of its connection, and whether the user has it.
 *
 * @param privilege what is needed, e.g. {@code UPDATE} or {@code local_infile}
 * @param on the table, schema or feature it concerns
 * @param note what happens without it, or how it was found; null when there is nothing to add
 */
public record Privilege(String privilege, String on, Status status, String note) {
  /** Whether the need is met. */
  public enum Status {
    GRANTED,
    /** Not held: the run would fail where it needs it. */
    MISSING,
    /** Not held, but the run falls back to a slower or weaker way. */
    LIMITED,
    /** The engine cannot tell (e.g. granted through a role it does not expose). */
    UNKNOWN
  }

  public static Privilege of(String privilege, String on, boolean granted, String noteIfMissing) {
    return new Privilege(
        privilege, on, granted ? Status.GRANTED : Status.MISSING, granted ? null : noteIfMissing);
  }
}
