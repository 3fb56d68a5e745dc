package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.IdentifierRules;
import dev.guise.schema.NameMatch;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableLookup;
import dev.guise.schema.TableRef;
import dev.guise.schema.WrittenName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a table through JDBC metadata: its real schema and name, columns, primary and unique keys.
 * The name is read by the dialect's {@link IdentifierRules} (quoted parts exact, unquoted ones
 * folded, then as written, then ignoring case when unambiguous); the other engine-specific parts
 * (schemas as catalogs, the current schema, categories) come from the dialect too.
 */
final class TableIntrospection {
  private final StandardDialect dialect;

  TableIntrospection(StandardDialect dialect) {
    this.dialect = dialect;
  }

  TableLookup lookup(Connection c, String tableAsWritten, String defaultSchema)
      throws SQLException {
    IdentifierRules rules = dialect.identifierRules();
    WrittenName written = rules.parse(tableAsWritten);
    if (written.problem() != null) {
      return new TableLookup(null, "; the table " + written.problem());
    }
    if (written.parts().size() > 2) {
      return new TableLookup(
          null,
          "; the table has "
              + written.parts().size()
              + " dotted parts; write table or schema.table, and quote a name that holds a dot");
    }
    DatabaseMetaData md = c.getMetaData();
    String realSchema;
    if (written.parts().size() == 1) {
      realSchema =
          defaultSchema == null ? dialect.currentSchema(c) : resolveDefault(md, defaultSchema);
    } else {
      NameMatch s = rules.match(written.parts().get(0), schemas(md));
      if (!s.found()) {
        return new TableLookup(
            null, s.problem() == null ? null : "; its schema: " + s.problem().substring(2));
      }
      realSchema = s.name();
    }
    if (realSchema == null) {
      return new TableLookup(null, null);
    }
    List<String> candidates = new ArrayList<>();
    try (ResultSet rs = tables(md, realSchema)) {
      while (rs.next()) {
        candidates.add(rs.getString("TABLE_NAME"));
      }
    }
    NameMatch t = rules.match(written.last(), candidates);
    if (!t.found()) {
      return new TableLookup(null, t.problem());
    }
    TableRef ref = new TableRef(realSchema, t.name());
    return new TableLookup(
        new TableInfo(
            ref,
            dialect.refineColumns(c, ref, columns(md, ref)),
            primaryKey(md, ref),
            uniqueKeys(md, ref)),
        null);
  }

  /** The connection's configured schema: written plainly in connections.yml, matched as before. */
  /**
   * The schema as the engine stores it: the exact name, else the one name that matches ignoring
   * case; null when none does.
   */
  public String storedSchema(Connection c, String schema) throws SQLException {
    return resolveDefault(c.getMetaData(), schema);
  }

  private String resolveDefault(DatabaseMetaData md, String schema) throws SQLException {
    List<String> all = schemas(md);
    if (all.contains(schema)) {
      return schema;
    }
    return all.stream().filter(s -> s.equalsIgnoreCase(schema)).findFirst().orElse(null);
  }

  private List<String> schemas(DatabaseMetaData md) throws SQLException {
    List<String> all = new ArrayList<>();
    try (ResultSet rs = dialect.schemasAreCatalogs() ? md.getCatalogs() : md.getSchemas()) {
      while (rs.next()) {
        all.add(rs.getString(dialect.schemasAreCatalogs() ? "TABLE_CAT" : "TABLE_SCHEM"));
      }
    }
    return all;
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
