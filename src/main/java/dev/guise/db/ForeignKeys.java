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
    try (ResultSet rs =
        catalogs
            ? md.getExportedKeys(parent.schema(), null, parent.name())
            : md.getExportedKeys(null, parent.schema(), parent.name())) {
      // the parent as the caller named it
      return read(rs, catalogs).stream()
          .map(
              f ->
                  new ForeignKey(
                      f.name(),
                      f.child(),
                      f.childColumns(),
                      parent,
                      f.parentColumns(),
                      f.onUpdate(),
                      f.onDelete()))
          .toList();
    }
  }

  /** The foreign keys {@code child} declares (it is their child), from {@code getImportedKeys}. */
  static List<ForeignKey> declaredBy(StandardDialect dialect, Connection c, TableRef child)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    boolean catalogs = dialect.schemasAreCatalogs();
    try (ResultSet rs =
        catalogs
            ? md.getImportedKeys(child.schema(), null, child.name())
            : md.getImportedKeys(null, child.schema(), child.name())) {
      return read(rs, catalogs);
    }
  }

  /** One foreign key per (child table, name, parent table), its columns by KEY_SEQ. */
  private static List<ForeignKey> read(ResultSet rs, boolean catalogs) throws SQLException {
    Map<List<String>, TreeMap<Integer, String[]>> byKey = new LinkedHashMap<>();
    while (rs.next()) {
      List<String> k = new ArrayList<>();
      k.add(rs.getString(catalogs ? "FKTABLE_CAT" : "FKTABLE_SCHEM"));
      k.add(rs.getString("FKTABLE_NAME"));
      k.add(rs.getString("FK_NAME"));
      k.add(action(rs.getShort("UPDATE_RULE")));
      k.add(action(rs.getShort("DELETE_RULE")));
      k.add(rs.getString(catalogs ? "PKTABLE_CAT" : "PKTABLE_SCHEM"));
      k.add(rs.getString("PKTABLE_NAME"));
      byKey
          .computeIfAbsent(k, x -> new TreeMap<>())
          .put(
              rs.getInt("KEY_SEQ"),
              new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
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
                  new TableRef(k.get(5), k.get(6)),
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
