package dev.guise.plan;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.util.List;

/**
 * A join resolved against the schema.
 *
 * @param name the target table as the ruleset names it (lower case), the prefix of its columns
 */
public record PlannedJoin(
    String name,
    TableInfo target,
    List<ColumnInfo> targetKey,
    TableInfo source,
    List<ColumnInfo> sourceKey) {}
