package dev.guise.db.mysql;

import dev.guise.db.Dialect;
import dev.guise.db.ManagedTrigger;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MariaDB's and MySQL's triggers, which cannot be disabled: each is dropped and re-created from
 * {@code information_schema.TRIGGERS} with its definer, {@code sql_mode}, client character set and
 * connection collation (set for the {@code CREATE} and put back after it) and its place among the
 * table's triggers of the same timing and event ({@code FOLLOWS} the one before it; they are
 * re-created in {@code ACTION_ORDER}). {@code CREATE TRIGGER IF NOT EXISTS} makes the restore safe
 * to run twice. Re-creating another definer's trigger needs SUPER or SET USER, checked here.
 */
final class MySqlTriggers {
  /** What {@code sql_mode}, character set and collation names are made of: safe in a literal. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_,]*");

  private static final Set<String> UTF8 = Set.of("utf8mb4", "utf8mb3", "utf8");

  private MySqlTriggers() {}

  static List<ManagedTrigger> of(Connection c, Dialect d, TableRef table) throws SQLException {
    String schema = table.schema() == null ? c.getCatalog() : table.schema();
    String user = currentUser(c);
    boolean mayTrigger = d.hasTablePrivilege(c, new TableRef(schema, table.name()), "TRIGGER");
    Boolean maySetUser = null;
    List<ManagedTrigger> out = new ArrayList<>();
    Map<String, String> previous = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT, DEFINER,"
                + " SQL_MODE, CHARACTER_SET_CLIENT, COLLATION_CONNECTION"
                + " FROM information_schema.TRIGGERS"
                + " WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?"
                + " ORDER BY ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER")) {
      ps.setString(1, schema);
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          String timing = rs.getString(2);
          String event = rs.getString(3);
          String body = rs.getString(4);
          String definer = rs.getString(5);
          String sqlMode = rs.getString(6);
          String charset = rs.getString(7);
          String collation = rs.getString(8);
          String follows = previous.put(timing + " " + event, name);
          if (!definer.equals(user) && maySetUser == null) {
            maySetUser = maySetUser(c, user);
          }
          String refusal =
              refusal(mayTrigger, definer.equals(user) || maySetUser, definer, user, charset, body);
          if (refusal == null && !(PLAIN.matcher(sqlMode + charset + collation).matches())) {
            refusal = "its sql_mode, character set or collation cannot be set again as they are";
          }
          if (refusal != null) {
            out.add(ManagedTrigger.refused(table, name, refusal));
            continue;
          }
          String qualifiedName = d.quote(schema) + "." + d.quote(name);
          String create =
              "CREATE DEFINER = "
                  + definer(d, definer)
                  + " TRIGGER IF NOT EXISTS "
                  + qualifiedName
                  + " "
                  + timing
                  + " "
                  + event
                  + " ON "
                  + d.quote(schema)
                  + "."
                  + d.quote(table.name())
                  + " FOR EACH ROW "
                  + (follows == null ? "" : "FOLLOWS " + d.quote(follows) + " ")
                  + body;
          out.add(
              new ManagedTrigger(
                  table,
                  name,
                  List.of("DROP TRIGGER IF EXISTS " + qualifiedName),
                  List.of(
                      "SET @guise_sql_mode = @@SESSION.sql_mode,"
                          + " @guise_charset = @@SESSION.character_set_client,"
                          + " @guise_collation = @@SESSION.collation_connection",
                      "SET SESSION sql_mode = '"
                          + sqlMode
                          + "', character_set_client = "
                          + charset
                          + ", collation_connection = "
                          + collation,
                      create,
                      "SET SESSION sql_mode = @guise_sql_mode,"
                          + " character_set_client = @guise_charset,"
                          + " collation_connection = @guise_collation"),
                  null));
        }
      }
    }
    return out;
  }

  private static String refusal(
      boolean mayTrigger,
      boolean mayDefine,
      String definer,
      String user,
      String charset,
      String body) {
    if (!mayTrigger) {
      return user
          + " lacks the TRIGGER privilege on the table, needed to drop and re-create its"
          + " triggers; grant it, or remove auto_manage_triggers";
    }
    if (!mayDefine) {
      return "its definer is "
          + definer
          + ", and re-creating another definer's trigger needs SUPER or SET USER, which "
          + user
          + " lacks; grant one, run as "
          + definer
          + ", or remove auto_manage_triggers";
    }
    if (!UTF8.contains(charset.toLowerCase(java.util.Locale.ROOT))
        && !body.chars().allMatch(ch -> ch < 128)) {
      return "its body has non-ASCII text written in character set "
          + charset
          + ", which Guise cannot send again unchanged; remove auto_manage_triggers";
    }
    return null;
  }

  /** {@code user@host} as information_schema spells a definer. */
  private static String currentUser(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT CURRENT_USER()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static boolean maySetUser(Connection c, String user) throws SQLException {
    int at = user.lastIndexOf('@');
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM information_schema.user_privileges WHERE grantee = ?"
                + " AND privilege_type IN ('SUPER', 'SET USER', 'SET_USER_ID')")) {
      ps.setString(1, "'" + user.substring(0, at) + "'@'" + user.substring(at + 1) + "'");
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  /** {@code user@host} as a quoted account name. */
  private static String definer(Dialect d, String definer) {
    int at = definer.lastIndexOf('@');
    return d.quote(definer.substring(0, at)) + "@" + d.quote(definer.substring(at + 1));
  }
}
