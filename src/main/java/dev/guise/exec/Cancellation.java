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
    return reason.get() != null;
  }

  public boolean cancelledByUser() {
    return byUser.get();
  }

  public String reason() {
    return reason.get();
  }
}
