package dev.guise.exec;

import dev.guise.plan.TruncateStep;
import java.util.List;

/** {@code truncate_table}: the dialect's TRUNCATE of the table. */
final class TruncateRunner implements StepRunner<TruncateStep> {
  @Override
  public RunStatus run(TruncateStep step, StepContext ctx) {
    ctx.triggers().beforeWriting(step.id(), step.table().ref());
    return SqlStatements.run(step, List.of(ctx.pool().dialect().truncate(step.table().ref())), ctx);
  }

  @Override
  public String target(TruncateStep step) {
    return step.table().ref().toString();
  }
}
