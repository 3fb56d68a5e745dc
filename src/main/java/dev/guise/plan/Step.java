package dev.guise.plan;

import dev.guise.ruleset.Task;
import java.util.List;

/**
 * A node of the task graph: a ruleset task resolved against the live schema.
 *
 * <p>{@code id} is the task's path in the ruleset, e.g. {@code 1} or {@code 2.1} (1-based), used in
 * logs and the run record. Open, not sealed: each task type brings its own step record and {@link
 * StepPlanner}.
 */
public interface Step {
  String id();

  Task task();

  default List<Step> children() {
    return List.of();
  }

  /** Runs even after a failure or a cancel; see {@link Task#always()}. */
  default boolean always() {
    return task() != null && task().always();
  }

  /** A one-line description for {@code guise plan} and the log. */
  String describe();
}
