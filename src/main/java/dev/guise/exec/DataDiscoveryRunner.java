package dev.guise.exec;

import dev.guise.discovery.DiscoveryRules;
import dev.guise.plan.DataDiscoveryStep;

/** {@code run_data_discovery}: sdd-report.csv with the ruleset's coverage, for the run's folder. */
final class DataDiscoveryRunner implements StepRunner<DataDiscoveryStep> {
  @Override
  public RunStatus run(DataDiscoveryStep step, StepContext ctx) {
    return DiscoveryReports.run(
        step,
        step.task().schemas(),
        step.task().sampleRows(),
        DiscoveryRules.builtin(),
        step.ruleset(),
        ctx);
  }
}
