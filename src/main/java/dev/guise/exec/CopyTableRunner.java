package dev.guise.exec;

import dev.guise.plan.CopyTableStep;
import dev.guise.plan.MaskTableStep;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.schema.ColumnInfo;
import java.util.List;
import java.util.Map;

/**
 * {@code copy_table}: a source → target run's table task without rules, so its rows reach the
 * target unmasked through the same pipeline, checkpoints and bulk path as a {@code mask_table}.
 */
final class CopyTableRunner implements StepRunner<CopyTableStep> {
  private final MaskTableStepRunner tables = new MaskTableStepRunner();

  @Override
  public RunStatus run(CopyTableStep step, StepContext ctx) {
    if (ctx.transfer() == null) {
      // the run service refuses this before anything runs; a caller that skipped it learns here
      throw new TaskFailure(
          step.table().ref() + " - copy_table runs only in a source → target run (--source)", null);
    }
    return tables.run(asMaskTable(step), ctx);
  }

  /** The copy as a mask_table step with no rules. */
  static MaskTableStep asMaskTable(CopyTableStep step) {
    MaskTableTask task =
        new MaskTableTask(
            step.task().table(),
            step.key().stream().map(ColumnInfo::name).toList(),
            List.of(),
            List.of(),
            step.task().where(),
            List.of(),
            step.task().location());
    return new MaskTableStep(
        step.id(),
        task,
        step.table(),
        step.key(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of());
  }

  @Override
  public String target(CopyTableStep step) {
    return step.table().ref().toString();
  }
}
