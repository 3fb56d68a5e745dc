package dev.guise.db.postgres;

import dev.guise.db.Dialect;
import dev.guise.db.KeyConstraint;
import dev.guise.db.StandardKeyRewriteSql;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableRef;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * PostgreSQL's key path: constraints from pg_constraint (re-created from {@code
 * pg_get_constraintdef}, exact: deferrability and MATCH kept), unique indexes from pg_index, the
 * rewrite as {@code UPDATE … FROM map}; DDL is transactional, so a family is one transaction.
 */
final class PostgresKeyRewriteSql extends StandardKeyRewriteSql {
  /** A catalog array of attribute numbers ({@code %s}) of a relation ({@code %s}) as names. */
  private static final String COLUMNS =
      "(SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(%s) WITH ORDINALITY"
          + " k(n, ord) JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.n)";

  PostgresKeyRewriteSql(Dialect dialect) {
    super(dialect);
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  @Override
  public List<KeyConstraint> uniqueConstraints(
      Connection c, TableRef table, Collection<String> columns) throws SQLException {
    List<KeyConstraint> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT con.conname, con.contype, pg_get_constraintdef(con.oid), "
                + COLUMNS.formatted("con.conkey", "con.conrelid")
                + " FROM pg_constraint con WHERE con.conrelid = ?::regclass"
                + " AND con.contype IN ('p', 'u') ORDER BY con.conname")) {
      ps.setString(1, dialect.qualified(table));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> names = names(rs.getArray(4));
          if (names.stream().anyMatch(columns::contains)) {
            KeyConstraint.Kind kind =
                "p".equals(rs.getString(2))
                    ? KeyConstraint.Kind.PRIMARY_KEY
                    : KeyConstraint.Kind.UNIQUE;
            out.add(new KeyConstraint(kind, table, rs.getString(1), names, rs.getString(3)));
          }
        }
      }
    }
    out.addAll(
        indexes(
            c,
            table,
            columns,
            "x.indisunique AND NOT EXISTS"
                + " (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid)",
            KeyConstraint.Kind.UNIQUE_INDEX));
    c.rollback();
    return out;
  }

  /**
   * Every row the rewrite changes gets a new entry in each index on the column: 3,000,000 child
   * rows rewrote in 36 s with their index. Building it again by one sort afterwards is cheaper.
   * Plain, valid indexes of ordinary tables only (a partitioned table's indexes are its partitions'
   * too, and keep their names only when left alone).
   */
  @Override
  public List<KeyConstraint> plainIndexes(Connection c, TableRef table, Collection<String> columns)
      throws SQLException {
    List<KeyConstraint> out =
        indexes(
            c,
            table,
            columns,
            "NOT x.indisunique AND x.indisvalid AND t.relkind = 'r' AND NOT t.relispartition"
                + " AND NOT EXISTS"
                + " (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid)",
            KeyConstraint.Kind.INDEX);
    c.rollback();
    return out;
  }

  /** The table's indexes that {@code where} selects holding any of the columns, as {@code kind}. */
  private List<KeyConstraint> indexes(
      Connection c,
      TableRef table,
      Collection<String> columns,
      String where,
      KeyConstraint.Kind kind)
      throws SQLException {
    List<KeyConstraint> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.relname, pg_get_indexdef(i.oid), "
                + COLUMNS.formatted("x.indkey::int2[]", "x.indrelid")
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                + " JOIN pg_class t ON t.oid = x.indrelid"
                + " WHERE x.indrelid = ?::regclass AND "
                + where
                + " ORDER BY i.relname")) {
      ps.setString(1, dialect.qualified(table));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> names = names(rs.getArray(3));
          if (names.stream().anyMatch(columns::contains)) {
            out.add(new KeyConstraint(kind, table, rs.getString(1), names, rs.getString(2)));
          }
        }
      }
    }
    return out;
  }

  private static List<String> names(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  @Override
  public KeyConstraint foreignKey(Connection c, ForeignKey fk) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = ?::regclass AND conname = ? AND contype = 'f'")) {
      ps.setString(1, dialect.qualified(fk.child()));
      ps.setString(2, fk.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          String def = rs.getString(1);
          c.rollback();
          return new KeyConstraint(
              KeyConstraint.Kind.FOREIGN_KEY, fk.child(), fk.name(), fk.childColumns(), def);
        }
      }
    }
    c.rollback();
    return super.foreignKey(c, fk);
  }

  @Override
  public String drop(KeyConstraint k) {
    if (k.kind() == KeyConstraint.Kind.UNIQUE_INDEX || k.kind() == KeyConstraint.Kind.INDEX) {
      return "DROP INDEX "
          + (k.table().schema() == null ? "" : dialect.quote(k.table().schema()) + ".")
          + dialect.quote(k.name());
    }
    return super.drop(k);
  }

  @Override
  public String recreate(KeyConstraint k) {
    if (k.kind() == KeyConstraint.Kind.UNIQUE_INDEX) {
      return k.definition()
          .replaceFirst("^CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ");
    }
    if (k.kind() == KeyConstraint.Kind.INDEX) {
      return k.definition().replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ");
    }
    String table = dialect.qualified(k.table());
    return "DO $guise$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = "
        + literal(table)
        + "::regclass AND conname = "
        + literal(k.name())
        + ") THEN ALTER TABLE "
        + table
        + " ADD CONSTRAINT "
        + dialect.quote(k.name())
        + " "
        + k.definition()
        + "; END IF; END $guise$";
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
        + " x SET "
        + col
        + " = m."
        + dialect.quote(to)
        + " FROM "
        + map
        + " m WHERE x."
        + col
        + " = m."
        + dialect.quote(from)
        + (guard == null ? "" : " AND " + guard);
  }

  @Override
  public String identityProblem(Connection c, TableRef table, ColumnInfo column)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT attidentity FROM pg_attribute WHERE attrelid = ?::regclass AND attname = ?")) {
      ps.setString(1, dialect.qualified(table));
      ps.setString(2, column.name());
      try (ResultSet rs = ps.executeQuery()) {
        boolean always = rs.next() && "a".equals(rs.getString(1));
        c.rollback();
        return always
            ? "is GENERATED ALWAYS AS IDENTITY, which PostgreSQL lets no UPDATE write; make it"
                + " GENERATED BY DEFAULT (ALTER TABLE … ALTER COLUMN … SET GENERATED BY DEFAULT)"
                + " for the run, or leave the key unmasked"
            : null;
      }
    }
  }

  @Override
  public List<String> sequenceResets(Connection c, TableRef table, ColumnInfo column)
      throws SQLException {
    if (column.category() != ColumnCategory.INTEGER) {
      return List.of();
    }
    String sequence;
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
      ps.setString(1, dialect.qualified(table));
      ps.setString(2, column.name());
      try (ResultSet rs = ps.executeQuery()) {
        sequence = rs.next() ? rs.getString(1) : null;
      }
    }
    if (sequence == null) {
      return List.of();
    }
    return List.of(
        "SELECT setval("
            + literal(sequence)
            + ", COALESCE((SELECT MAX("
            + dialect.quote(column.name())
            + ") FROM "
            + dialect.qualified(table)
            + "), 0) + 1, false)");
  }
}
