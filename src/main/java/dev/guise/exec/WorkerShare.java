package dev.guise.exec;

/**
 * How many of the run's {@code --workers} the task on this thread may use for key ranges of one
 * table: all of them at the top of the run, a {@code parallel} block's share in its children (so a
 * block of two tables with four workers masks each on two), at least one. Kept per thread because a
 * block's children run on threads of their own.
 */
final class WorkerShare {
  private static final ThreadLocal<Integer> SHARE = new ThreadLocal<>();

  private WorkerShare() {}

  /** This thread's share, or {@code workers} when no block set one. */
  static int of(int workers) {
    Integer s = SHARE.get();
    return Math.max(1, s == null ? workers : s);
  }

  /** Sets this thread's share (a block's child thread, before it runs the child). */
  static void set(int share) {
    SHARE.set(Math.max(1, share));
  }

  static void clear() {
    SHARE.remove();
  }
}
