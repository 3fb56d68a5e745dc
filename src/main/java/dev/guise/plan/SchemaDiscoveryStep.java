package dev.guise.plan;

import dev.guise.ruleset.SchemaDiscoveryTask;

/** {@code run_schema_discovery}: nothing to resolve before the run; it reads the catalog then. */
public record SchemaDiscoveryStep(String id, SchemaDiscoveryTask task) implements Step {
  public static SchemaDiscoveryStep plan(SchemaDiscoveryTask t, String id, PlanContext ctx) {
    return new SchemaDiscoveryStep(id, t);
  }

  @Override
  public String describe() {
    return "run_schema_discovery"
        + (task.schemas().isEmpty() ? "" : " of " + String.join(", ", task.schemas()));
  }
}
