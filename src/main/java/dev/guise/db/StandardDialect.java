package dev.guise.db;

import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  @Override
  public Optional<TableInfo> describe(Connection c, String tableAsWritten, String defaultSchema)
      throws SQLException {
    String schema = defaultSchema;
    String name = tableAsWritten;
    int dot = tableAsWritten.indexOf('.');
    if (dot > 0) {
      schema = tableAsWritten.substring(0, dot);
      name = tableAsWritten.substring(dot + 1);
    }
    DatabaseMetaData md = c.getMetaData();
    String realSchema = resolveSchema(c, md, schema);
    if (realSchema == null) {
      return Optional.empty();
    }
    String realName = null;
    List<String> candidates = new ArrayList<>();
    try (ResultSet rs = tables(md, realSchema)) {
      while (rs.next()) {
        candidates.add(rs.getString("TABLE_NAME"));
      }
    }
    if (candidates.contains(name)) {
      realName = name;
    } else {
      for (String t : candidates) {
        if (t.equalsIgnoreCase(name)) {
          if (realName != null) {
            return Optional.empty(); // ambiguous
          }
          realName = t;
        }
      }
    }
    if (realName == null) {
      return Optional.empty();
    }
    TableRef ref = new TableRef(realSchema, realName);
    return Optional.of(
        new TableInfo(
            ref,
            refineColumns(c, ref, columns(md, ref)),
            primaryKey(md, ref),
            uniqueKeys(md, ref)));
  }

  /**
   * Corrects categories that JDBC metadata alone gets wrong for an engine (e.g. MariaDB's JSON is a
   * LONGTEXT with a check constraint). The default keeps the columns as they are.
   */
  protected List<ColumnInfo> refineColumns(Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    return columns;
  }

  private String resolveSchema(Connection c, DatabaseMetaData md, String schema)
      throws SQLException {
    if (schema == null) {
      return currentSchema(c);
    }
    List<String> all = new ArrayList<>();
    try (ResultSet rs = schemasAreCatalogs() ? md.getCatalogs() : md.getSchemas()) {
      while (rs.next()) {
        all.add(rs.getString(schemasAreCatalogs() ? "TABLE_CAT" : "TABLE_SCHEM"));
      }
    }
    if (all.contains(schema)) {
      return schema;
    }
    for (String s : all) {
      if (s.equalsIgnoreCase(schema)) {
        return s;
      }
    }
    return null;
  }

  private ResultSet tables(DatabaseMetaData md, String schema) throws SQLException {
    String[] types = {"TABLE", "BASE TABLE", "PARTITIONED TABLE"};
    return schemasAreCatalogs()
        ? md.getTables(schema, null, "%", types)
        : md.getTables(null, escape(md, schema), "%", types);
  }

  private static String escape(DatabaseMetaData md, String pattern) throws SQLException {
    String esc = md.getSearchStringEscape();
    if (esc == null || esc.isEmpty()) {
      return pattern;
    }
    return pattern.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  private List<ColumnInfo> columns(DatabaseMetaData md, TableRef t) throws SQLException {
    List<ColumnInfo> out = new ArrayList<>();
    try (ResultSet rs =
        schemasAreCatalogs()
            ? md.getColumns(t.schema(), null, escape(md, t.name()), "%")
            : md.getColumns(null, escape(md, t.schema()), escape(md, t.name()), "%")) {
      while (rs.next()) {
        int jdbcType = rs.getInt("DATA_TYPE");
        String typeName = rs.getString("TYPE_NAME");
        out.add(
            new ColumnInfo(
                rs.getString("COLUMN_NAME"),
                jdbcType,
                typeName,
                rs.getInt("COLUMN_SIZE"),
                rs.getInt("DECIMAL_DIGITS"),
                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                categorize(jdbcType, typeName)));
      }
    }
    return List.copyOf(out);
  }

  private List<String> primaryKey(DatabaseMetaData md, TableRef t) throws SQLException {
    Map<Integer, String> bySeq = new java.util.TreeMap<>();
    try (ResultSet rs =
        schemasAreCatalogs()
            ? md.getPrimaryKeys(t.schema(), null, t.name())
            : md.getPrimaryKeys(null, t.schema(), t.name())) {
      while (rs.next()) {
        bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(bySeq.values());
  }

  private List<List<String>> uniqueKeys(DatabaseMetaData md, TableRef t) throws SQLException {
    Map<String, List<String>> byIndex = new LinkedHashMap<>();
    try (ResultSet rs =
        schemasAreCatalogs()
            ? md.getIndexInfo(t.schema(), null, t.name(), true, false)
            : md.getIndexInfo(null, t.schema(), t.name(), true, false)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (index == null || column == null || rs.getBoolean("NON_UNIQUE")) {
          continue;
        }
        byIndex.computeIfAbsent(index, k -> new ArrayList<>()).add(column);
      }
    }
    List<List<String>> out = new ArrayList<>();
    byIndex.values().forEach(l -> out.add(List.copyOf(l)));
    List<String> pk = primaryKey(md, t);
    if (!pk.isEmpty()) {
      out.add(pk);
    }
    return List.copyOf(out);
  }

  @Override
  public String selectBatch(BatchQuery q, boolean afterKey, int limit) {
    String base = qualified(q.table());
    List<String> select = new ArrayList<>();
    for (String k : q.key()) {
      select.add(base + "." + quote(k));
    }
    for (String c : q.columns()) {
      select.add(base + "." + quote(c));
    }
    for (BatchQuery.JoinedColumn j : q.joinedColumns()) {
      select.add(qualified(j.table()) + "." + quote(j.column()));
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select));
    sql.append(from(q));
    List<String> conditions = filters(q);
    if (afterKey) {
      conditions.add(keyAfter(q.key().stream().map(k -> base + "." + quote(k)).toList()));
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(" ORDER BY ")
        .append(String.join(", ", q.key().stream().map(k -> base + "." + quote(k)).toList()));
    sql.append(" LIMIT ").append(limit);
    return sql.toString();
  }

  @Override
  public String countRows(BatchQuery q) {
    List<String> conditions = filters(q);
    return "SELECT COUNT(*)"
        + from(q)
        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
  }

  /**
   * The user's {@code where}, and {@code IS NOT NULL} for nullable key columns: a row whose key is
   * NULL can be neither paged past nor written back by key, so it is never read.
   */
  private List<String> filters(BatchQuery q) {
    List<String> conditions = new ArrayList<>();
    if (q.where() != null && !q.where().isBlank()) {
      conditions.add("(" + q.where() + ")");
    }
    for (String k : q.nullableKey()) {
      conditions.add(qualified(q.table()) + "." + quote(k) + " IS NOT NULL");
    }
    return conditions;
  }

  /** {@code FROM table LEFT JOIN ...}. */
  private String from(BatchQuery q) {
    StringBuilder sql = new StringBuilder(" FROM ").append(qualified(q.table()));
    for (BatchQuery.Join j : q.joins()) {
      String target = qualified(j.target());
      String source = qualified(j.source());
      List<String> on = new ArrayList<>();
      for (int i = 0; i < j.targetKey().size(); i++) {
        on.add(
            target
                + "."
                + quote(j.targetKey().get(i))
                + " = "
                + source
                + "."
                + quote(j.sourceKey().get(i)));
      }
      sql.append(" LEFT JOIN ").append(target).append(" ON ").append(String.join(" AND ", on));
    }
    return sql.toString();
  }

  /**
   * The keyset condition {@code (k1, k2) > (?, ?)}, spelt out as ORs so that every engine's planner
   * can use the key index.
   */
  protected String keyAfter(List<String> qualifiedKey) {
    List<String> key = qualifiedKey;
    if (key.size() == 1) {
      return key.get(0) + " > ?";
    }
    List<String> ors = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      List<String> ands = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        ands.add(key.get(j) + " = ?");
      }
      ands.add(key.get(i) + " > ?");
      ors.add("(" + String.join(" AND ", ands) + ")");
    }
    return "(" + String.join(" OR ", ors) + ")";
  }

  /** Binds the last key of the previous batch for {@link #keyAfter}; returns the next index. */
  public static int bindKeyAfter(
      Dialect d, PreparedStatement ps, int start, Object[] lastKey, List<ColumnInfo> keyCols)
      throws SQLException {
    int idx = start;
    for (int i = 0; i < lastKey.length; i++) {
      for (int j = 0; j < i; j++) {
        d.bind(ps, idx++, lastKey[j], keyCols.get(j));
      }
      d.bind(ps, idx++, lastKey[i], keyCols.get(i));
    }
    return idx;
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
  private static String text(String s, ColumnInfo column) {
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
}
