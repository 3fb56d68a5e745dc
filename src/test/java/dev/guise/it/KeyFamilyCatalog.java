package dev.guise.it;

import dev.guise.db.ChangeManifest;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What the catalog and the Guise schema say about a key family's tables, for comparisons. */
final class KeyFamilyCatalog {
  private KeyFamilyCatalog() {}

  /**
   * The constraints and indexes of the family's tables as the catalog lists them: primary keys,
   * unique and plain indexes, foreign keys with their columns and rules.
   */
  static TreeSet<String> of(TestEngine e, List<String[]> all) throws SQLException {
    DatabaseMetaData md = e.admin().getMetaData();
    boolean cat = e.name().equals("mariadb");
    TreeSet<String> out = new TreeSet<>();
    for (String[] st : all) {
      String s = st[0];
      String t = st[1];
      try (ResultSet rs = cat ? md.getPrimaryKeys(s, null, t) : md.getPrimaryKeys(null, s, t)) {
        while (rs.next()) {
          out.add(t + " pk " + rs.getString("PK_NAME") + " " + rs.getString("COLUMN_NAME"));
        }
      }
      try (ResultSet rs =
          cat
              ? md.getIndexInfo(s, null, t, false, false)
              : md.getIndexInfo(null, s, t, false, false)) {
        while (rs.next()) {
          if (rs.getString("INDEX_NAME") != null) {
            out.add(
                t
                    + " index "
                    + rs.getString("INDEX_NAME")
                    + " unique="
                    + !rs.getBoolean("NON_UNIQUE")
                    + " "
                    + rs.getString("COLUMN_NAME"));
          }
        }
      }
      try (ResultSet rs = cat ? md.getImportedKeys(s, null, t) : md.getImportedKeys(null, s, t)) {
        while (rs.next()) {
          out.add(
              t
                  + " fk "
                  + rs.getString("FK_NAME")
                  + " "
                  + rs.getString("FKCOLUMN_NAME")
                  + " -> "
                  + rs.getString("PKTABLE_NAME")
                  + "."
                  + rs.getString("PKCOLUMN_NAME")
                  + " update="
                  + rs.getShort("UPDATE_RULE")
                  + " delete="
                  + rs.getShort("DELETE_RULE"));
        }
      }
    }
    return out;
  }

  /** The manifest rows and mapping tables a run left. */
  static List<String> leftovers(TestEngine e, String guiseSchema, String runId)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = e.admin().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + e.q("kind")
                    + ", "
                    + e.q("object_name")
                    + " FROM "
                    + e.q(guiseSchema)
                    + "."
                    + e.q(ChangeManifest.NAME)
                    + " WHERE "
                    + e.q("run_id")
                    + " = '"
                    + runId
                    + "'")) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2));
      }
    }
    DatabaseMetaData md = e.admin().getMetaData();
    try (ResultSet rs = tables(e, md, guiseSchema, "keymap%")) {
      while (rs.next()) {
        out.add("table " + rs.getString("TABLE_NAME"));
      }
    }
    return out;
  }

  static ResultSet tables(TestEngine e, DatabaseMetaData md, String schema, String table)
      throws SQLException {
    return e.name().equals("mariadb")
        ? md.getTables(schema, null, table, null)
        : md.getTables(null, schema, table, null);
  }
}
