package dev.guise.exec;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A run-wide stop flag, checked between batches: set by Ctrl-C (the run ends {@code cancelled}) or
 * by a failed task without continue-on-failure (the others stop, the run ends {@code failed}).
 */
public final class Cancellation {
  private final AtomicReference<String> reason = new AtomicReference<>();
  private volatile boolean byUser;

  /** Ctrl-C, SIGTERM or an API caller. */
  public void cancel() {
    byUser = true;
    reason.compareAndSet(null, "cancelled by the user");
  }

  void stopAfterFailure(String why) {
    reason.compareAndSet(null, why);
  }

  public boolean stopping() {
    return reason.get() != null;
  }

  public boolean cancelledByUser() {
    return byUser;
  }

  public String reason() {
    return reason.get();
  }
}
