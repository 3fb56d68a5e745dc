package dev.guise.exec;

import dev.guise.plan.BuildTempTableStep;
import java.util.List;

/**
 * {@code build_temp_table}: creates the table from the task's select; the run drops it at its end.
 */
final class BuildTempTableRunner implements StepRunner<BuildTempTableStep> {
  @Override
  public RunStatus run(BuildTempTableStep step, StepContext ctx) {
    RunStatus s =
        SqlStatements.run(
            step,
            List.of(
                ctx.pool().dialect().createTableAs(step.task().table(), step.task().sqlSelect())),
            ctx);
    if (s == RunStatus.FINISHED) {
      ctx.tempTables().add(step.task().table());
    }
    return s;
  }
}
