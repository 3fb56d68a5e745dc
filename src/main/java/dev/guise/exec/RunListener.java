package dev.guise.exec;

/**
 * Receives {@link RunEvent}s; called from worker threads, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface RunListener {
  RunListener NONE = e -> {};

  void on(RunEvent event);
}
