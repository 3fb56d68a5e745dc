package dev.guise.exec;

import dev.guise.plan.SchemaDiscoveryStep;

/** {@code run_schema_discovery}: the schema report, for the run's folder. */
final class SchemaDiscoveryRunner implements StepRunner<SchemaDiscoveryStep> {
  @Override
  public RunStatus run(SchemaDiscoveryStep step, StepContext ctx) {
    return DiscoveryReports.run(step, step.task().schemas(), -1, null, null, ctx);
  }
}
