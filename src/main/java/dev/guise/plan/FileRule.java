package dev.guise.plan;

import dev.guise.mask.Pipeline;
import dev.guise.ruleset.Condition;
import dev.guise.ruleset.HashColumn;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.SkipValue;
import java.util.List;

/**
 * A rule of a file task, planned without a schema: a file's columns are known only when it is
 * opened, so the executor resolves the names against each file's header.
 *
 * @param hashColumns the effective hash columns (task or rule level)
 * @param skip the effective skip list
 * @param guard the conditions of the blocks the rule sits in; null when it always applies
 */
public record FileRule(
    Rule rule,
    Pipeline pipeline,
    List<HashColumn> hashColumns,
    List<SkipValue> skip,
    Condition guard) {}
