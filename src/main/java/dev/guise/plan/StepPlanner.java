package dev.guise.plan;

import dev.guise.ruleset.Task;

/**
 * Resolves one task type against the schema into its {@link Step}. Each type's planner sits next to
 * its step record and is registered once, by task class, in exec's {@code TaskKinds}.
 */
@FunctionalInterface
public interface StepPlanner<T extends Task> {
  /**
   * @param id the task's path in the ruleset, e.g. {@code 2.1}
   * @return the step, or null when a problem was reported to {@link PlanContext#diagnostics()}
   */
  Step plan(T task, String id, PlanContext ctx);
}
