package dev.guise.plan;

import dev.guise.ruleset.BuildTempTableTask;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.ParallelTask;
import dev.guise.ruleset.RunSqlTask;
import dev.guise.ruleset.SerialTask;
import dev.guise.ruleset.Task;
import dev.guise.ruleset.TruncateTableTask;
import java.util.List;

/** The task types this build plans, by task class; the exec registry composes these. */
public final class StepPlanners {
  /** A planner with the task class it takes, so that a lookup hands it its own type safely. */
  public record Registration<T extends Task>(Class<T> taskType, StepPlanner<T> planner) {
    Step plan(Task task, String id, PlanContext ctx) {
      return planner.plan(taskType.cast(task), id, ctx);
    }
  }

  public static final List<Registration<?>> BUILT_IN =
      List.of(
          new Registration<>(MaskTableTask.class, MaskTablePlanner::plan),
          new Registration<>(RunSqlTask.class, RunSqlStep::plan),
          new Registration<>(TruncateTableTask.class, TruncateStep::plan),
          new Registration<>(BuildTempTableTask.class, BuildTempTableStep::plan),
          new Registration<>(SerialTask.class, SerialStep::plan),
          new Registration<>(ParallelTask.class, ParallelStep::plan));

  private StepPlanners() {}
}
