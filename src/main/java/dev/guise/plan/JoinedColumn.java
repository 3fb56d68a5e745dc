package dev.guise.plan;

import dev.guise.schema.ColumnInfo;

/**
 * A column of a join target that a rule reads.
 *
 * @param reference how the ruleset names it, lower case: {@code target_table.column}
 */
public record JoinedColumn(String reference, PlannedJoin join, ColumnInfo column) {}
