package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard SQL for the key path: foreign keys re-created from their catalog description, a rewrite
 * as correlated subqueries over the mapping table (one statement per table, every column of the
 * family at once). Engines override what they do better.
 */
public abstract class StandardKeyRewriteSql implements KeyRewriteSql {
  protected final Dialect dialect;

  protected StandardKeyRewriteSql(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The column's largest value (0 for an empty table), for a sequence reset; ends the read. */
  protected long maxOf(Connection c, TableRef table, ColumnInfo column) throws SQLException {
    return SingleNumber.of(
        c,
        "SELECT COALESCE(MAX("
            + dialect.quote(column.name())
            + "), 0) FROM "
            + dialect.qualified(table));
  }

  @Override
  public KeyConstraint foreignKey(Connection c, ForeignKey fk) throws SQLException {
    String def =
        "FOREIGN KEY ("
            + columns(fk.childColumns())
            + ") REFERENCES "
            + dialect.qualified(fk.parent())
            + " ("
            + columns(fk.parentColumns())
            + ") ON DELETE "
            + fk.onDelete()
            + " ON UPDATE "
            + fk.onUpdate();
    return new KeyConstraint(
        KeyConstraint.Kind.FOREIGN_KEY, fk.child(), fk.name(), fk.childColumns(), def);
  }

  @Override
  public String drop(KeyConstraint k) {
    return "ALTER TABLE "
        + dialect.qualified(k.table())
        + " DROP CONSTRAINT "
        + dialect.quote(k.name());
  }

  @Override
  public String rewrite(TableRef table, List<String> cols, String map, String guard) {
    return rewrite(table, cols, map, OLD, NEW, guard);
  }

  @Override
  public String unrewrite(TableRef table, List<String> cols, String map) {
    return rewrite(table, cols, map, NEW, OLD, null);
  }

  /** {@code UPDATE t SET c = COALESCE((SELECT to FROM map WHERE from = c), c) WHERE mapped}. */
  protected String rewrite(
      TableRef table, List<String> cols, String map, String from, String to, String guard) {
    List<String> sets = new ArrayList<>();
    List<String> mapped = new ArrayList<>();
    for (String col : cols) {
      String c = "x." + dialect.quote(col);
      sets.add(
          dialect.quote(col)
              + " = COALESCE((SELECT m."
              + dialect.quote(to)
              + " FROM "
              + map
              + " m WHERE m."
              + dialect.quote(from)
              + " = "
              + c
              + "), "
              + c
              + ")");
      mapped.add(
          "EXISTS (SELECT 1 FROM " + map + " m WHERE m." + dialect.quote(from) + " = " + c + ")");
    }
    return "UPDATE "
        + dialect.qualified(table)
        + " x SET "
        + String.join(", ", sets)
        + " WHERE ("
        + String.join(" OR ", mapped)
        + ")"
        + (guard == null ? "" : " AND " + guard);
  }

  @Override
  public String orphans(ForeignKey fk) {
    List<String> set = new ArrayList<>();
    List<String> match = new ArrayList<>();
    for (int i = 0; i < fk.childColumns().size(); i++) {
      String c = "x." + dialect.quote(fk.childColumns().get(i));
      set.add(c + " IS NOT NULL");
      match.add("p." + dialect.quote(fk.parentColumns().get(i)) + " = " + c);
    }
    return "SELECT COUNT(*) FROM "
        + dialect.qualified(fk.child())
        + " x WHERE "
        + String.join(" AND ", set)
        + " AND NOT EXISTS (SELECT 1 FROM "
        + dialect.qualified(fk.parent())
        + " p WHERE "
        + String.join(" AND ", match)
        + ")";
  }

  @Override
  public String identityProblem(Connection c, TableRef table, ColumnInfo column)
      throws SQLException {
    return null;
  }

  protected String columns(List<String> cols) {
    return String.join(", ", cols.stream().map(dialect::quote).toList());
  }

  /** A string literal (quotes doubled). */
  protected static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
