package dev.guise.db;

import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The foreign keys that reference a table, from any schema, composite ones with their columns in
 * key order. Read through the driver's catalog queries ({@code getExportedKeys}), which each of our
 * engines answers from its own catalog (pg_constraint, information_schema).
 */
final class ForeignKeys {
  private ForeignKeys() {}

  static List<ForeignKey> referencing(StandardDialect dialect, Connection c, TableRef parent)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    boolean catalogs = dialect.schemasAreCatalogs();
    // one foreign key per (child table, name), its columns by KEY_SEQ
    Map<List<String>, TreeMap<Integer, String[]>> byKey = new LinkedHashMap<>();
    try (ResultSet rs =
        catalogs
            ? md.getExportedKeys(parent.schema(), null, parent.name())
            : md.getExportedKeys(null, parent.schema(), parent.name())) {
      while (rs.next()) {
        String childSchema = rs.getString(catalogs ? "FKTABLE_CAT" : "FKTABLE_SCHEM");
        String childTable = rs.getString("FKTABLE_NAME");
        String name = rs.getString("FK_NAME");
        byKey
            .computeIfAbsent(
                List.of(
                    childSchema,
                    childTable,
                    name,
                    action(rs.getShort("UPDATE_RULE")),
                    action(rs.getShort("DELETE_RULE"))),
                k -> new TreeMap<>())
            .put(
                rs.getInt("KEY_SEQ"),
                new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
      }
    }
    List<ForeignKey> out = new ArrayList<>();
    byKey.forEach(
        (k, cols) -> {
          List<String> child = new ArrayList<>();
          List<String> par = new ArrayList<>();
          cols.values()
              .forEach(
                  p -> {
                    child.add(p[0]);
                    par.add(p[1]);
                  });
          out.add(
              new ForeignKey(
                  k.get(2),
                  new TableRef(k.get(0), k.get(1)),
                  child,
                  parent,
                  par,
                  k.get(3),
                  k.get(4)));
        });
    return List.copyOf(out);
  }

  private static String action(short rule) {
    return switch (rule) {
      case DatabaseMetaData.importedKeyCascade -> "CASCADE";
      case DatabaseMetaData.importedKeySetNull -> "SET NULL";
      case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
      case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
      default -> "NO ACTION";
    };
  }
}
