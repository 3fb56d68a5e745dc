package dev.guise.exec;

import java.util.List;

/**
 * Receives {@link RunEvent}s; called from worker threads, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface RunListener {
  RunListener NONE = e -> {};

  void on(RunEvent event);

  /** Hands every event to each listener in turn, in the order given. */
  static RunListener all(RunListener... listeners) {
    List<RunListener> each = List.of(listeners);
    return e -> {
      for (RunListener l : each) {
        l.on(e);
      }
    };
  }
}
