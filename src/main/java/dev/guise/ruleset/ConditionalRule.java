package dev.guise.ruleset;

import dev.guise.yaml.Location;
import java.util.List;

/**
 * {@code if:} conditions (all must hold) with {@code rules:} applied when they do and {@code
 * else_rules:} when they don't. Conditions see the row's original values.
 */
public record ConditionalRule(
    List<Condition> conditions, List<RuleItem> rules, List<RuleItem> elseRules, Location location)
    implements RuleItem {}
