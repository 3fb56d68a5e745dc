package dev.guise.db;

import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableLookup;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Standard SQL and JDBC behaviour; engines extend it and override what differs. */
public abstract class StandardDialect implements Dialect {

  @Override
  public String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** The schema used when a table is written without one and the connection names none. */
  protected String currentSchema(Connection c) throws SQLException {
    return c.getSchema();
  }

  /** True for engines (MySQL) whose JDBC metadata calls a schema a catalog. */
  protected boolean schemasAreCatalogs() {
    return false;
  }

  /** Finds a table through JDBC metadata ({@link TableIntrospection}). */
  @Override
  public Optional<TableInfo> describe(Connection c, String tableAsWritten, String defaultSchema)
      throws SQLException {
    return lookup(c, tableAsWritten, defaultSchema).asOptional();
  }

  @Override
  public TableLookup lookup(Connection c, String tableAsWritten, String defaultSchema)
      throws SQLException {
    return new TableIntrospection(this).lookup(c, tableAsWritten, defaultSchema);
  }

  @Override
  public List<dev.guise.schema.ForeignKey> foreignKeysReferencing(Connection c, TableRef parent)
      throws SQLException {
    return ForeignKeys.referencing(this, c, parent);
  }

  @Override
  public List<dev.guise.schema.ForeignKey> foreignKeysOf(Connection c, TableRef child)
      throws SQLException {
    return ForeignKeys.declaredBy(this, c, child);
  }

  /**
   * Corrects categories that JDBC metadata alone gets wrong for an engine (e.g. MariaDB's JSON is a
   * LONGTEXT with a check constraint). The default keeps the columns as they are.
   */
  protected List<ColumnInfo> refineColumns(Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    return columns;
  }

  /** The standard keyset read ({@link KeysetSql#expanded}). */
  @Override
  public KeysetQuery keysetQuery(BatchQuery q, boolean afterKey, int limit) {
    return KeysetSql.expanded(this, q, afterKey, limit);
  }

  @Override
  public KeysetQuery keysetQuery(BatchQuery q, boolean afterKey, Object[] upTo, int limit) {
    return KeysetSql.range(this, q, afterKey, upTo, limit);
  }

  @Override
  public String keyAt(BatchQuery q, long offset) {
    return KeysetSql.keyAt(this, q, offset);
  }

  @Override
  public KeysetQuery countRange(BatchQuery q, Object[] after, Object[] upTo) {
    return KeysetSql.countRange(this, q, after, upTo);
  }

  @Override
  public String countKeys(BatchQuery q) {
    return KeysetSql.countKeys(this, q);
  }

  @Override
  public String countRows(BatchQuery q) {
    return KeysetSql.count(this, q);
  }

  @Override
  public WriteBack writeBack(
      Connection c, TableInfo table, List<ColumnInfo> key, List<ColumnInfo> columns)
      throws SQLException {
    return new KeyedUpdateWriteBack(this, c, table.ref(), key, columns);
  }

  @Override
  public Object read(ResultSet rs, int i, ColumnInfo column) throws SQLException {
    Object v =
        switch (column.category()) {
          case TEXT -> text(rs.getString(i), column);
          case JSON, OTHER -> rs.getString(i);
          case INTEGER -> {
            long l = rs.getLong(i);
            yield rs.wasNull() ? null : l;
          }
          case DECIMAL -> rs.getBigDecimal(i);
          case FLOAT -> {
            if (column.jdbcType() == Types.REAL) {
              // the float's shortest decimal form, as an engine that sends text would give it
              float f = rs.getFloat(i);
              yield rs.wasNull() ? null : Double.valueOf(Float.toString(f));
            }
            double d = rs.getDouble(i);
            yield rs.wasNull() ? null : d;
          }
          case BOOLEAN -> {
            boolean b = rs.getBoolean(i);
            yield rs.wasNull() ? null : b;
          }
          case DATE -> rs.getObject(i, LocalDate.class);
          case TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
          case TIMESTAMP_TZ -> rs.getObject(i, OffsetDateTime.class);
          case TIME -> rs.getObject(i, LocalTime.class);
          case UUID -> {
            String s = rs.getString(i);
            yield s == null ? null : s.toLowerCase(Locale.ROOT);
          }
          case BINARY -> rs.getBytes(i);
        };
    return v;
  }

  /**
   * CHAR(n) without its padding: engines disagree on whether they pad on read (MySQL strips,
   * PostgreSQL and H2 pad), and the same value must seed masks the same way on every engine.
   */
  public static String text(String s, ColumnInfo column) {
    if (s == null || (column.jdbcType() != Types.CHAR && column.jdbcType() != Types.NCHAR)) {
      return s;
    }
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  @Override
  public void bind(PreparedStatement ps, int i, Object value, ColumnInfo column)
      throws SQLException {
    if (value == null) {
      ps.setNull(i, column.jdbcType());
      return;
    }
    switch (column.category()) {
      case TEXT -> ps.setString(i, value.toString());
      case BINARY -> ps.setBytes(i, (byte[]) value);
      default -> ps.setObject(i, value);
    }
  }

  @Override
  public ColumnCategory categorize(int jdbcType, String typeName) {
    return switch (jdbcType) {
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          ColumnCategory.TEXT;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnCategory.INTEGER;
      case Types.DECIMAL, Types.NUMERIC -> ColumnCategory.DECIMAL;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnCategory.FLOAT;
      case Types.BOOLEAN, Types.BIT -> ColumnCategory.BOOLEAN;
      case Types.DATE -> ColumnCategory.DATE;
      case Types.TIMESTAMP -> ColumnCategory.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnCategory.TIMESTAMP_TZ;
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> ColumnCategory.TIME;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ColumnCategory.BINARY;
      default -> {
        String t = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (t.contains("uuid")) {
          yield ColumnCategory.UUID;
        }
        if (t.contains("json")) {
          yield ColumnCategory.JSON;
        }
        yield ColumnCategory.OTHER;
      }
    };
  }

  /**
   * Grants information_schema lists for the user or PUBLIC; privileges held through a role are not
   * seen there, so engines with a better check override this.
   */
  @Override
  public boolean hasTablePrivilege(Connection c, TableRef table, String privilege)
      throws SQLException {
    return exists(
        c,
        "SELECT 1 FROM information_schema.table_privileges WHERE table_schema = ?"
            + " AND table_name = ? AND privilege_type = ? AND grantee IN (CURRENT_USER, 'PUBLIC')",
        table.schema() == null ? currentSchema(c) : table.schema(),
        table.name(),
        privilege);
  }

  /** The schema's owner may create tables in it. */
  @Override
  public boolean mayCreateTable(Connection c, String schema) throws SQLException {
    return exists(
        c,
        "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?"
            + " AND schema_owner = CURRENT_USER",
        schema == null ? currentSchema(c) : schema);
  }

  /** No statistics to ask in standard SQL. */
  @Override
  public long estimateRows(Connection c, TableRef table) throws SQLException {
    return -1;
  }

  @Override
  public List<String> triggers(Connection c, TableRef table) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT trigger_name FROM information_schema.triggers"
                + " WHERE event_object_schema = ? AND event_object_table = ? ORDER BY trigger_name")) {
      ps.setString(1, table.schema() == null ? currentSchema(c) : table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * The first column of the query's first row as a number, bound with {@code params}; -1 when none.
   */
  protected static long firstLong(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return -1;
        }
        long v = rs.getLong(1);
        return rs.wasNull() ? -1 : v;
      }
    }
  }

  /**
   * True when the query, bound with {@code params} as text, returns a row whose first column is
   * true.
   */
  protected static boolean exists(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
