package dev.guise.db.h2;

import dev.guise.db.Dialect;
import dev.guise.db.ManagedTrigger;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * H2's triggers, which cannot be disabled: each is dropped and re-created from the {@code CREATE
 * TRIGGER} that H2's own {@code SCRIPT} writes for the table (it carries the Java class or source
 * that {@code INFORMATION_SCHEMA.TRIGGERS} does not), with {@code IF NOT EXISTS} so that a restore
 * is safe to run twice. {@code SCRIPT} needs the admin right; without it the triggers are refused.
 */
final class H2Triggers {
  private static final String CREATE = "CREATE FORCE TRIGGER ";

  private H2Triggers() {}

  static List<ManagedTrigger> of(Connection c, Dialect d, TableRef table) throws SQLException {
    String schema = table.schema() == null ? c.getSchema() : table.schema();
    Map<String, String> created = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"
                + " WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ? ORDER BY TRIGGER_NAME")) {
      ps.setString(1, schema);
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          created.put(rs.getString(1), null);
        }
      }
    }
    if (created.isEmpty()) {
      return List.of();
    }
    String qualifiedTable = d.quote(schema) + "." + d.quote(table.name());
    boolean scripted = script(c, d, qualifiedTable, d.quote(schema), created);
    List<ManagedTrigger> out = new ArrayList<>();
    for (Map.Entry<String, String> e : created.entrySet()) {
      String name = e.getKey();
      if (e.getValue() == null) {
        out.add(
            ManagedTrigger.refused(
                table,
                name,
                scripted
                    ? "H2's SCRIPT does not show how to create it again; remove auto_manage_triggers"
                    : "re-creating an H2 trigger needs its definition from SCRIPT, which needs"
                        + " the admin right; run as an admin, or remove auto_manage_triggers"));
        continue;
      }
      out.add(
          new ManagedTrigger(
              table,
              name,
              List.of("DROP TRIGGER IF EXISTS " + d.quote(schema) + "." + d.quote(name)),
              List.of(CREATE + "IF NOT EXISTS " + e.getValue().substring(CREATE.length())),
              null));
    }
    return out;
  }

  /** Fills in each trigger's CREATE from SCRIPT; false when the user may not run SCRIPT. */
  private static boolean script(
      Connection c,
      Dialect d,
      String qualifiedTable,
      String quotedSchema,
      Map<String, String> created) {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SCRIPT NODATA NOSETTINGS TABLE " + qualifiedTable)) {
      while (rs.next()) {
        String sql = rs.getString(1);
        for (String name : created.keySet()) {
          String prefix = CREATE + quotedSchema + "." + d.quote(name) + " ";
          if (sql.startsWith(prefix)) {
            created.put(name, sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
          }
        }
      }
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
