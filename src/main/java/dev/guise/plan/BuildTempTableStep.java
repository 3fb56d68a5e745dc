package dev.guise.plan;

import dev.guise.ruleset.BuildTempTableTask;

/** {@code build_temp_table}: a table created for the run and dropped at its end. */
public record BuildTempTableStep(String id, BuildTempTableTask task) implements Step {
  @Override
  public String describe() {
    return "build_temp_table " + task.table();
  }
}
