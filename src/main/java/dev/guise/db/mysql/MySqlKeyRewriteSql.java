package dev.guise.db.mysql;

import dev.guise.db.Dialect;
import dev.guise.db.KeyConstraint;
import dev.guise.db.StandardKeyRewriteSql;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MariaDB's key path: unique indexes from information_schema.STATISTICS, re-created with MariaDB's
 * {@code IF NOT EXISTS} forms, the rewrite as {@code UPDATE … JOIN map}, AUTO_INCREMENT set past
 * the new maximum. DDL commits on its own, so the executor rewrites table by table under the change
 * manifest. (MySQL 8 lacks {@code ADD … IF NOT EXISTS}: its restores are not yet safe to run
 * twice.)
 */
final class MySqlKeyRewriteSql extends StandardKeyRewriteSql {
  /** A plain index that keeps an AUTO_INCREMENT column indexed while its primary key is gone. */
  static final String HOLD_INDEX = "guise_key_hold";

  MySqlKeyRewriteSql(Dialect dialect) {
    super(dialect);
  }

  /** MariaDB makes a primary key's column NOT NULL itself. */
  @Override
  public List<String> mapKey(String map, Dialect d) {
    return List.of("ALTER TABLE " + map + " ADD PRIMARY KEY (" + d.quote(OLD) + ")");
  }

  @Override
  public boolean transactionalDdl() {
    return false;
  }

  @Override
  public List<KeyConstraint> uniqueConstraints(
      Connection c, TableRef table, Collection<String> columns) throws SQLException {
    Map<String, Index> indexes = indexes(c, table, "NON_UNIQUE = 0");
    List<String> generated = autoIncrement(c, table);
    c.rollback();
    List<KeyConstraint> out = new ArrayList<>();
    indexes.forEach(
        (name, index) -> {
          if (index.columns().stream().noneMatch(columns::contains)) {
            return;
          }
          boolean pk = name.equals("PRIMARY");
          out.add(
              new KeyConstraint(
                  pk ? KeyConstraint.Kind.PRIMARY_KEY : KeyConstraint.Kind.UNIQUE,
                  table,
                  name,
                  index.columns(),
                  (pk ? "PRIMARY KEY " : "UNIQUE KEY ") + index.list(),
                  index.columns().stream().anyMatch(generated::contains)));
        });
    return out;
  }

  /**
   * InnoDB rewrites a secondary index entry by entry, in random order once the values are permuted:
   * 3,000,000 child rows took 88 s with their index and 22 s without, plus 6 s to build it again by
   * sort. Only B-tree indexes without a comment, kept as they were (prefix and descending parts).
   */
  @Override
  public List<KeyConstraint> plainIndexes(Connection c, TableRef table, Collection<String> columns)
      throws SQLException {
    Map<String, Index> indexes =
        indexes(c, table, "NON_UNIQUE = 1 AND INDEX_TYPE = 'BTREE' AND INDEX_COMMENT = ''");
    c.rollback();
    List<KeyConstraint> out = new ArrayList<>();
    indexes.forEach(
        (name, index) -> {
          if (index.columns().stream().anyMatch(columns::contains) && !name.equals(HOLD_INDEX)) {
            out.add(
                new KeyConstraint(
                    KeyConstraint.Kind.INDEX, table, name, index.columns(), index.list()));
          }
        });
    return out;
  }

  /** An index's columns, and its parts as SQL (prefix lengths, descending order kept). */
  private record Index(List<String> columns, List<String> parts) {
    String list() {
      return "(" + String.join(", ", parts) + ")";
    }
  }

  /** The table's indexes that {@code where} selects from information_schema.STATISTICS. */
  private Map<String, Index> indexes(Connection c, TableRef table, String where)
      throws SQLException {
    Map<String, Index> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT INDEX_NAME, COLUMN_NAME, SUB_PART, COLLATION FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND "
                + where
                + " ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
      ps.setString(1, table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String column = rs.getString(2);
          String sub = rs.getString(3);
          Index index =
              out.computeIfAbsent(
                  rs.getString(1), k -> new Index(new ArrayList<>(), new ArrayList<>()));
          index.columns().add(column);
          index
              .parts()
              .add(
                  dialect.quote(column)
                      + (sub == null ? "" : "(" + sub + ")")
                      + ("D".equals(rs.getString(4)) ? " DESC" : ""));
        }
      }
    }
    return out;
  }

  /** ER_DROP_INDEX_FK: "Cannot drop index …: needed in a foreign key constraint". */
  @Override
  public boolean indexInUse(SQLException e) {
    return e.getErrorCode() == 1553;
  }

  @Override
  public String drop(KeyConstraint k) {
    String t = "ALTER TABLE " + dialect.qualified(k.table());
    return switch (k.kind()) {
      case FOREIGN_KEY -> t + " DROP FOREIGN KEY " + dialect.quote(k.name());
      // an AUTO_INCREMENT column must stay indexed: a plain index holds it meanwhile (only then:
      // the rewrite would maintain it row by row, as it does any index)
      case PRIMARY_KEY ->
          t
              + " DROP PRIMARY KEY"
              + (k.generated()
                  ? ", ADD INDEX " + dialect.quote(HOLD_INDEX) + " (" + columns(k.columns()) + ")"
                  : "");
      default -> t + " DROP INDEX " + dialect.quote(k.name());
    };
  }

  @Override
  public String recreate(KeyConstraint k) {
    String t = "ALTER TABLE " + dialect.qualified(k.table());
    return switch (k.kind()) {
      // without the checks for this one statement MariaDB adds the key in place instead of
      // copying the whole child table to validate it (22 s against 0.2 s for 900,000 rows);
      // the key path checks every foreign key of the family by anti-join itself
      case FOREIGN_KEY ->
          "SET STATEMENT foreign_key_checks = 0 FOR "
              + t
              + " ADD CONSTRAINT "
              + dialect.quote(k.name())
              + " FOREIGN KEY IF NOT EXISTS "
              // RESTRICT is the default, and written out MariaDB's in-place path stores it as NO
              // ACTION: left out, the key comes back as it was
              + k.definition()
                  .substring("FOREIGN KEY ".length())
                  .replace(" ON DELETE RESTRICT", "")
                  .replace(" ON UPDATE RESTRICT", "");
      case PRIMARY_KEY ->
          t
              + " ADD PRIMARY KEY IF NOT EXISTS "
              + k.definition().substring("PRIMARY KEY ".length())
              + ";\n"
              + t
              + " DROP INDEX IF EXISTS "
              + dialect.quote(HOLD_INDEX);
      case INDEX ->
          t + " ADD INDEX IF NOT EXISTS " + dialect.quote(k.name()) + " " + k.definition();
      default ->
          t
              + " ADD UNIQUE KEY IF NOT EXISTS "
              + dialect.quote(k.name())
              + " "
              + k.definition().substring("UNIQUE KEY ".length());
    };
  }

  @Override
  protected String rewrite(
      TableRef table, List<String> cols, String map, String from, String to, String guard) {
    if (cols.size() > 1) {
      return super.rewrite(table, cols, map, from, to, guard);
    }
    String col = dialect.quote(cols.get(0));
    return "UPDATE "
        + dialect.qualified(table)
        + " x JOIN "
        + map
        + " m ON x."
        + col
        + " = m."
        + dialect.quote(from)
        + " SET x."
        + col
        + " = m."
        + dialect.quote(to)
        + (guard == null ? "" : " WHERE " + guard);
  }

  /** The table's AUTO_INCREMENT columns. */
  private static List<String> autoIncrement(Connection c, TableRef table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = ? AND LOWER(EXTRA) LIKE '%auto_increment%'")) {
      ps.setString(1, table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  @Override
  public List<String> sequenceResets(Connection c, TableRef table, ColumnInfo column)
      throws SQLException {
    if (column.category() != ColumnCategory.INTEGER) {
      return List.of();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT EXTRA FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
      ps.setString(1, table.schema());
      ps.setString(2, table.name());
      ps.setString(3, column.name());
      try (ResultSet rs = ps.executeQuery()) {
        String extra = rs.next() ? rs.getString(1) : null;
        if (extra == null || !extra.toLowerCase(java.util.Locale.ROOT).contains("auto_increment")) {
          return List.of();
        }
      }
    }
    long max = maxOf(c, table, column);
    return List.of(
        "ALTER TABLE " + dialect.qualified(table) + " AUTO_INCREMENT = " + Math.max(1, max + 1));
  }
}
