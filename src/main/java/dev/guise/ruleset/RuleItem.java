package dev.guise.ruleset;

import dev.guise.yaml.Location;

/** An entry of a {@code mask_table}'s {@code rules}: a column rule or a conditional block. */
public sealed interface RuleItem permits Rule, ConditionalRule {
  Location location();
}
