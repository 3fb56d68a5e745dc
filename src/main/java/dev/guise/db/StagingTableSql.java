package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import java.util.List;

/**
 * SQL fragments shared by the staging-table write-backs: a batch is loaded into a staging table
 * aliased {@code s} and applied to the target aliased {@code t}, joined on the key.
 */
public final class StagingTableSql {
  private StagingTableSql() {}

  /** {@code "a", "b"}. */
  public static String columnList(Dialect d, List<ColumnInfo> columns) {
    return String.join(", ", columns.stream().map(c -> d.quote(c.name())).toList());
  }

  /** {@code t."k1" = s."k1" AND t."k2" = s."k2"}. */
  public static String keyJoin(Dialect d, List<ColumnInfo> key) {
    return String.join(
        " AND ",
        key.stream().map(c -> "t." + d.quote(c.name()) + " = s." + d.quote(c.name())).toList());
  }

  /**
   * {@code "c" = s."c", ...}, each target column prefixed with {@code targetPrefix} (PostgreSQL
   * forbids a table alias there, MySQL needs one in a multi-table UPDATE).
   */
  public static String assignments(Dialect d, List<ColumnInfo> columns, String targetPrefix) {
    return String.join(
        ", ",
        columns.stream()
            .map(c -> targetPrefix + d.quote(c.name()) + " = s." + d.quote(c.name()))
            .toList());
  }
}
