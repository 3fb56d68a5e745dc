package dev.guise.plan;

import dev.guise.ruleset.BuildTempTableTask;

/** {@code build_temp_table}: a table created for the run and dropped at its end. */
public record BuildTempTableStep(String id, BuildTempTableTask task) implements Step {
  public static BuildTempTableStep plan(BuildTempTableTask b, String id, PlanContext ctx) {
    if (b.table() != null) {
      ctx.tempTable(b.table(), b.location().toString());
    }
    return new BuildTempTableStep(id, b);
  }

  @Override
  public String describe() {
    return "build_temp_table " + task.table();
  }
}
