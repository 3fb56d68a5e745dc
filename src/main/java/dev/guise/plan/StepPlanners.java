package dev.guise.plan;

import dev.guise.ruleset.Task;

/** How the planner holds a task type's planner; exec's {@code TaskKinds} registers them. */
public final class StepPlanners {
  /** A planner with the task class it takes, so that a lookup hands it its own type safely. */
  public record Registration<T extends Task>(Class<T> taskType, StepPlanner<T> planner) {
    Step plan(Task task, String id, PlanContext ctx) {
      return planner.plan(taskType.cast(task), id, ctx);
    }
  }

  private StepPlanners() {}
}
