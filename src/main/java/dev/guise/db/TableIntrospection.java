package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a table through JDBC metadata: its real schema and name, columns, primary and unique keys.
 * The engine-specific parts (schemas as catalogs, the current schema, categories) come from the
 * dialect.
 */
final class TableIntrospection {
  private final StandardDialect dialect;

  TableIntrospection(StandardDialect dialect) {
    this.dialect = dialect;
  }

  Optional<TableInfo> describe(Connection c, String tableAsWritten, String defaultSchema)
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
            dialect.refineColumns(c, ref, columns(md, ref)),
            primaryKey(md, ref),
            uniqueKeys(md, ref)));
  }

  private String resolveSchema(Connection c, DatabaseMetaData md, String schema)
      throws SQLException {
    if (schema == null) {
      return dialect.currentSchema(c);
    }
    List<String> all = new ArrayList<>();
    try (ResultSet rs = dialect.schemasAreCatalogs() ? md.getCatalogs() : md.getSchemas()) {
      while (rs.next()) {
        all.add(rs.getString(dialect.schemasAreCatalogs() ? "TABLE_CAT" : "TABLE_SCHEM"));
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
    return dialect.schemasAreCatalogs()
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
        dialect.schemasAreCatalogs()
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
                dialect.categorize(jdbcType, typeName)));
      }
    }
    return List.copyOf(out);
  }

  private List<String> primaryKey(DatabaseMetaData md, TableRef t) throws SQLException {
    Map<Integer, String> bySeq = new java.util.TreeMap<>();
    try (ResultSet rs =
        dialect.schemasAreCatalogs()
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
        dialect.schemasAreCatalogs()
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
}
