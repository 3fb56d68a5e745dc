package dev.guise.db.postgres;

import dev.guise.db.Dialect;
import dev.guise.db.ManagedTrigger;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's user triggers, switched off one by name ({@code DISABLE TRIGGER name}, not {@code
 * DISABLE TRIGGER USER}, which would also re-enable at the end a trigger the user had disabled) and
 * brought back in the mode {@code pg_trigger.tgenabled} had: origin, replica or always. Internal
 * (foreign-key) triggers are left alone. Both statements are transactional and idempotent.
 */
final class PostgresTriggers {
  private PostgresTriggers() {}

  static List<ManagedTrigger> of(Connection c, Dialect d, TableRef table) throws SQLException {
    List<ManagedTrigger> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT t.tgname, t.tgenabled, pg_has_role(r.relowner, 'MEMBER') FROM pg_trigger t"
                + " JOIN pg_class r ON r.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE n.nspname = ? AND r.relname = ? AND NOT t.tgisinternal"
                + " AND t.tgenabled <> 'D' ORDER BY t.tgname")) {
      ps.setString(1, table.schema() == null ? c.getSchema() : table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          if (!rs.getBoolean(3)) {
            out.add(
                ManagedTrigger.refused(
                    table,
                    name,
                    "only the table's owner may switch its triggers off; run as the owner, or"
                        + " remove auto_manage_triggers"));
            continue;
          }
          String alter = "ALTER TABLE " + d.qualified(table) + " ";
          String trigger = "TRIGGER " + d.quote(name);
          String mode =
              switch (rs.getString(2)) {
                case "R" -> "ENABLE REPLICA ";
                case "A" -> "ENABLE ALWAYS ";
                default -> "ENABLE ";
              };
          out.add(
              new ManagedTrigger(
                  table,
                  name,
                  List.of(alter + "DISABLE " + trigger),
                  List.of(alter + mode + trigger),
                  null));
        }
      }
    }
    return out;
  }
}
