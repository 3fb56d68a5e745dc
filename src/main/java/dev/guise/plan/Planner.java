package dev.guise.plan;

import dev.guise.ruleset.Ruleset;
import dev.guise.yaml.Diagnostics;
import java.util.List;

/**
 * Resolves a ruleset against the live schema: every table, column and key exists, the key is
 * unique, and each pipeline's output fits its column. Collects every problem; the plan is null
 * while any error stands, so nothing touches the database.
 */
public final class Planner {
  /**
   * The task graph (null on errors) and the problems found.
   *
   * @param manageTriggers the ruleset's {@code auto_manage_triggers}: the run switches off the user
   *     triggers of the tables it writes
   */
  public record Result(SerialStep root, Diagnostics diagnostics, boolean manageTriggers) {
    public Result(SerialStep root, Diagnostics diagnostics) {
      this(root, diagnostics, false);
    }
  }

  private Planner() {}

  /**
   * @param pipelines the ones {@link RulesetLoader} built for this ruleset
   * @param planners the task types it plans; a task of any other type is an error
   */
  public static Result plan(
      Ruleset ruleset,
      BuiltPipelines pipelines,
      SchemaSource schema,
      List<StepPlanners.Registration<?>> planners) {
    PlanContext ctx = new PlanContext(ruleset, pipelines, schema, planners);
    SerialStep root = new SerialStep("", null, ctx.steps(ruleset.tasks(), ""));
    ctx.checkKeyClaims();
    return new Result(
        ctx.diagnostics().hasErrors() ? null : root,
        ctx.diagnostics(),
        ruleset.autoManageTriggers());
  }
}
