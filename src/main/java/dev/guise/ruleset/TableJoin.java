package dev.guise.ruleset;

import dev.guise.yaml.Location;
import java.util.List;

/**
 * One entry of a {@code mask_table}'s {@code joins}: rows of {@code targetTable} whose {@code
 * targetKey} equals {@code sourceKey} of {@code sourceTable} (the task's table or an earlier
 * target). Joined columns are addressed as {@code target_table.column}.
 */
public record TableJoin(
    String targetTable,
    List<String> targetKey,
    String sourceTable,
    List<String> sourceKey,
    Location location) {}
