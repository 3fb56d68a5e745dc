package dev.guise.plan;

import dev.guise.mask.Pipeline;
import dev.guise.ruleset.MaskSpec;
import dev.guise.ruleset.Rule;
import java.util.IdentityHashMap;
import java.util.Map;

/** The live pipelines {@link RulesetLoader} built, one per rule, found by the rule itself. */
public final class BuiltPipelines {
  // by identity: the spec object a rule was read with, not an equal one from elsewhere
  private final Map<MaskSpec, Pipeline> bySpec;

  BuiltPipelines(Map<MaskSpec, Pipeline> bySpec) {
    this.bySpec = new IdentityHashMap<>(bySpec);
  }

  /**
   * @throws IllegalArgumentException when the rule was not read by the loader that built these
   */
  public Pipeline of(Rule rule) {
    Pipeline p = bySpec.get(rule.masks());
    if (p == null) {
      throw new IllegalArgumentException(
          rule.location()
              + " - no pipeline was built for this rule; load the ruleset with"
              + " RulesetLoader and plan with the pipelines it returned");
    }
    return p;
  }
}
