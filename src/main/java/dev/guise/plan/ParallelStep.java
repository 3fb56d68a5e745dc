package dev.guise.plan;

import dev.guise.ruleset.ParallelTask;
import dev.guise.ruleset.Task;
import java.util.List;

/** Children run concurrently, bounded by the run's worker count. */
public record ParallelStep(String id, Task task, List<Step> children) implements Step {
  public static ParallelStep plan(ParallelTask p, String id, PlanContext ctx) {
    return new ParallelStep(id, p, ctx.steps(p.tasks(), id));
  }

  @Override
  public String describe() {
    return "parallel";
  }
}
