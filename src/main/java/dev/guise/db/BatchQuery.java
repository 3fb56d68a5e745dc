package dev.guise.db;

import dev.guise.schema.TableRef;
import java.util.List;

/**
 * What a table task reads: the key and columns of its table, columns of joined tables, and the
 * user's {@code where}. Dialects turn it into keyset-paginated SQL.
 *
 * @param columns the table's own columns after the key (real names)
 * @param joins LEFT JOINs in order; each joins its target to the table or an earlier target
 * @param joinedColumns columns of join targets, selected after {@code columns}
 * @param where raw SQL predicate from the ruleset, or null
 * @param nullableKey key columns that allow NULL (a unique index, not a primary key): rows with a
 *     NULL there are left out
 */
public record BatchQuery(
    TableRef table,
    List<String> key,
    List<String> columns,
    List<Join> joins,
    List<JoinedColumn> joinedColumns,
    String where,
    List<String> nullableKey) {

  /** {@code LEFT JOIN target ON target.targetKey = source.sourceKey}. */
  public record Join(
      TableRef target, List<String> targetKey, TableRef source, List<String> sourceKey) {}

  /** A column of a join target. */
  public record JoinedColumn(TableRef table, String column) {}

  public static BatchQuery of(
      TableRef table, List<String> key, List<String> columns, String where) {
    return new BatchQuery(table, key, columns, List.of(), List.of(), where, List.of());
  }
}
