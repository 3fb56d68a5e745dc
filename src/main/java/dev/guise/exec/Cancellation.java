package dev.guise.exec;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A run-wide stop flag, checked between batches: set by Ctrl-C (the run ends {@code cancelled}) or
 * by a failed task without continue-on-failure (the others stop, the run ends {@code failed}).
 */
public final class Cancellation {
  private final AtomicReference<String> reason = new AtomicReference<>();
  private final AtomicBoolean byUser = new AtomicBoolean();
  private volatile Runnable onCancel = () -> {};
  private final Cancellation parent;

  public Cancellation() {
    this(null);
  }

  private Cancellation(Cancellation parent) {
    this.parent = parent;
  }

  /**
   * A flag for part of the run (the key ranges of one table): it stops when the run stops, and on
   * its own when one of the part's workers fails, leaving the rest of the run going.
   */
  Cancellation child() {
    return new Cancellation(this);
  }

  /** Ctrl-C, SIGTERM or an API caller. */
  public void cancel() {
    boolean first = byUser.compareAndSet(false, true);
    reason.compareAndSet(null, "cancelled by the user");
    if (first) {
      onCancel.run();
    }
  }

  /** Called once, on the cancelling thread, when the user first cancels. */
  void onCancel(Runnable r) {
    onCancel = r;
  }

  void stopAfterFailure(String why) {
    reason.compareAndSet(null, why);
  }

  public boolean stopping() {
    return reason.get() != null || (parent != null && parent.stopping());
  }

  public boolean cancelledByUser() {
    return byUser.get() || (parent != null && parent.cancelledByUser());
  }

  public String reason() {
    String r = reason.get();
    return r == null && parent != null ? parent.reason() : r;
  }
}
