package dev.guise.ruleset;

import dev.guise.yaml.Location;
import java.util.List;
import java.util.Optional;

/**
 * Masks one column.
 *
 * @param masks the rule's masks as written; plan builds them into a pipeline
 * @param skip values left alone; null means the ruleset's {@code skip_defaults}
 * @param hashColumns empty Optional: inherit the task's; an empty list: determinism off
 */
public record Rule(
    String column,
    MaskSpec masks,
    List<SkipValue> skip,
    Optional<List<HashColumn>> hashColumns,
    Location location)
    implements RuleItem {}
