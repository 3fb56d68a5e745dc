package dev.guise.plan;

import dev.guise.ruleset.DataDiscoveryTask;
import dev.guise.ruleset.Ruleset;

/**
 * {@code run_data_discovery}, with the ruleset it is in: its report tells which rule of that
 * ruleset masks each sensitive column.
 */
public record DataDiscoveryStep(String id, DataDiscoveryTask task, Ruleset ruleset)
    implements Step {
  public static DataDiscoveryStep plan(DataDiscoveryTask t, String id, PlanContext ctx) {
    return new DataDiscoveryStep(id, t, ctx.ruleset());
  }

  @Override
  public String describe() {
    return "run_data_discovery"
        + (task.schemas().isEmpty() ? "" : " of " + String.join(", ", task.schemas()))
        + " (sample "
        + (task.sampleRows() == 0 ? "every row" : task.sampleRows() + " rows")
        + ")";
  }
}
