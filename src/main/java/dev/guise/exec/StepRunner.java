package dev.guise.exec;

import dev.guise.plan.Step;

/**
 * Runs one kind of step. Found by the step's class in {@link StepRunners}; a step class without a
 * runner fails the run before it starts.
 *
 * @param <S> the step class it runs
 */
public interface StepRunner<S extends Step> {
  /**
   * Runs the step to its end.
   *
   * @return FINISHED, SKIPPED or CANCELLED (or, for a block, its children's summed status)
   * @throws RuntimeException when the step failed; the message is shown to the user
   */
  RunStatus run(S step, StepContext ctx);

  /** The table the step works on, for the run record; null when none. */
  default String target(S step) {
    return null;
  }

  /** A block whose children are steps of their own (serial, parallel). */
  default boolean runsChildren() {
    return false;
  }
}
