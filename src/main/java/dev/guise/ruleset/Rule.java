package dev.guise.ruleset;

import dev.guise.mask.Pipeline;
import dev.guise.yaml.Location;
import java.util.List;
import java.util.Optional;

/**
 * Masks one column.
 *
 * @param skip values left alone; null means the ruleset's {@code skip_defaults}
 * @param hashColumns empty Optional: inherit the task's; an empty list: determinism off
 */
public record Rule(
    String column,
    Pipeline pipeline,
    List<SkipValue> skip,
    Optional<List<HashColumn>> hashColumns,
    Location location)
    implements RuleItem {}
