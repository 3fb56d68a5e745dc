package dev.guise.run;

import dev.guise.exec.RunEvent;
import dev.guise.exec.RunListener;
import dev.guise.yaml.Diagnostic;
import java.util.List;

/**
 * What the caller of {@link RunService#run} hears while the run happens: the service prints
 * nothing, so anything meant for a person comes back here. Events arrive from worker threads.
 */
public interface RunObserver extends RunListener {
  /** An observer that ignores everything. */
  RunObserver NONE = new RunObserver() {};

  /**
   * No run secret was given, so one was generated. It is never logged or recorded (only its
   * fingerprint is): showing it now is the only way to reproduce the run.
   */
  default void secretGenerated(String secret) {}

  /**
   * The plan holds against the live schema and execution starts now.
   *
   * @param diagnostics the warnings that remain
   */
  default void executing(List<Diagnostic> diagnostics) {}

  /**
   * Another run holds a table this one writes, and this one waits for it (--wait).
   *
   * @param message names the table and the run holding it
   */
  default void queued(String message) {}

  /** Execution ended, normally or not; called exactly once after {@link #executing}. */
  default void executed() {}

  @Override
  default void on(RunEvent event) {}
}
