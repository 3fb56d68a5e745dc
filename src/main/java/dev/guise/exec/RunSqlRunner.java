package dev.guise.exec;

import dev.guise.plan.RunSqlStep;

/** {@code run_sql}: the user's script, split into statements, in one transaction. */
final class RunSqlRunner implements StepRunner<RunSqlStep> {
  @Override
  public RunStatus run(RunSqlStep step, StepContext ctx) {
    return SqlStatements.run(step, ctx.pool().dialect().splitScript(step.sql()), ctx);
  }
}
