package dev.guise.exec;

import dev.guise.db.ChangeManifest;
import dev.guise.plan.BuildTempTableStep;
import java.util.List;

/**
 * {@code build_temp_table}: records the table in the change manifest, then creates it from the
 * task's select; the run drops it at its end (and a later run or {@code runs repair} drops it when
 * this run is killed first).
 */
final class BuildTempTableRunner implements StepRunner<BuildTempTableStep> {
  @Override
  public RunStatus run(BuildTempTableStep step, StepContext ctx) {
    String table = step.task().table();
    ChangeManifest.Entry entry = TempTables.before(step.id(), table, ctx);
    RunStatus s;
    try {
      s =
          SqlStatements.run(
              step,
              List.of(ctx.pool().dialect().createTableAs(table, step.task().sqlSelect())),
              ctx);
    } catch (RuntimeException e) {
      TempTables.forget(entry, ctx);
      throw e;
    }
    if (s == RunStatus.FINISHED) {
      ctx.tempTables().add(new TempTables.Made(table, entry));
    } else {
      TempTables.forget(entry, ctx);
    }
    return s;
  }
}
