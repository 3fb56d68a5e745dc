package dev.guise.it;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table {@code tp} (id, name, touched, code, src) with triggers that stamp {@code touched} when a
 * row is updated, per engine, and its triggers as the catalog shows them. PostgreSQL: an enabled
 * trigger, one in replica mode and one the user disabled (which must stay disabled). MariaDB: two
 * ordered triggers, the second with a {@code BEGIN ... END} body that only works in the {@code
 * sql_mode} it was created in ({@code ||} concatenates under PIPES_AS_CONCAT). H2: a Java class
 * trigger and one given as source.
 */
final class TriggerFixture {
  private TriggerFixture() {}

  /** A rule that masks {@code name}, which no trigger reads. */
  static final String MASK_NAME = "{column: name, masks: [{type: from_fixed, value: masked}]}";

  /** A ruleset of one mask_table of {@code tp} with {@code rule}, managing triggers or not. */
  static String ruleset(boolean manageTriggers, String rule) {
    return "version: '1.0'\n"
        + (manageTriggers ? "auto_manage_triggers: true\n" : "")
        + "tasks:\n"
        + "  - type: mask_table\n"
        + "    table: tp\n"
        + "    key: id\n"
        + "    rules: ["
        + rule
        + "]\n";
  }

  /** What {@code touched} holds after the triggers fired on an update. */
  static String fired(TestEngine e) {
    return e instanceof MariaDbEngine ? "fired+" : "fired";
  }

  static void create(TestEngine e, int rows) throws SQLException {
    e.sql(
        "CREATE TABLE "
            + e.t("tp")
            + " (id INT PRIMARY KEY, name VARCHAR(40), touched VARCHAR(20),"
            + " code VARCHAR(10) CHECK (code <> 'BAD'), src VARCHAR(10))");
    List<Object[]> data = new ArrayList<>();
    for (int i = 1; i <= rows; i++) {
      data.add(new Object[] {i, "name" + i, null, "c" + i, i == 8 ? "BAD" : "s" + i});
    }
    e.insert("tp", List.of("id", "name", "touched", "code", "src"), data);
    if (e instanceof PostgresEngine) {
      e.sql(
          "CREATE FUNCTION "
              + e.t("tp_stamp")
              + "() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$BEGIN NEW.touched := 'fired'; RETURN NEW; END$$",
          pgTrigger(e, "tp_touch"),
          pgTrigger(e, "tp_replica"),
          pgTrigger(e, "tp_off"),
          "ALTER TABLE " + e.t("tp") + " ENABLE REPLICA TRIGGER tp_replica",
          "ALTER TABLE " + e.t("tp") + " DISABLE TRIGGER tp_off");
    } else if (e instanceof MariaDbEngine) {
      e.sql(
          "CREATE TRIGGER "
              + e.q(e.schema)
              + ".tp_touch BEFORE UPDATE ON "
              + e.t("tp")
              + " FOR EACH ROW SET NEW.touched = 'fired'",
          "SET @old_mode = @@SESSION.sql_mode",
          "SET SESSION sql_mode = 'PIPES_AS_CONCAT,STRICT_TRANS_TABLES'",
          "CREATE TRIGGER "
              + e.q(e.schema)
              + ".tp_plus BEFORE UPDATE ON "
              + e.t("tp")
              + " FOR EACH ROW BEGIN IF NEW.touched IS NOT NULL THEN"
              + " SET NEW.touched = NEW.touched || '+'; END IF; END",
          "SET SESSION sql_mode = @old_mode");
    } else {
      e.sql(
          "CREATE TRIGGER "
              + e.q(e.schema)
              + ".TP_TOUCH BEFORE UPDATE ON "
              + e.t("tp")
              + " FOR EACH ROW CALL '"
              + TouchTrigger.class.getName()
              + "'",
          // a trigger given as Java source, which only H2's SCRIPT can give back
          "CREATE TRIGGER "
              + e.q(e.schema)
              + ".TP_SOURCE AFTER DELETE ON "
              + e.t("tp")
              + " AS 'org.h2.api.Trigger create() { return new org.h2.api.Trigger() {"
              + " public void fire(java.sql.Connection c, Object[] o, Object[] n) {} }; }'");
    }
  }

  private static String pgTrigger(TestEngine e, String name) {
    return "CREATE TRIGGER "
        + name
        + " BEFORE UPDATE ON "
        + e.t("tp")
        + " FOR EACH ROW EXECUTE FUNCTION "
        + e.t("tp_stamp")
        + "()";
  }

  /**
   * The sandbox's triggers as the catalog describes them, one line each: definition and enabled
   * state on PostgreSQL; definer, sql_mode, character set, collation and order on MariaDB.
   */
  static List<String> catalog(TestEngine e) throws SQLException {
    String sql;
    if (e instanceof PostgresEngine) {
      sql =
          "SELECT t.tgname, t.tgenabled, pg_get_triggerdef(t.oid) FROM pg_trigger t"
              + " JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
              + " WHERE n.nspname = ? AND NOT t.tgisinternal ORDER BY t.tgname";
    } else if (e instanceof MariaDbEngine) {
      sql =
          "SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, ACTION_STATEMENT,"
              + " DEFINER, SQL_MODE, CHARACTER_SET_CLIENT, COLLATION_CONNECTION, DATABASE_COLLATION"
              + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY TRIGGER_NAME";
    } else {
      sql =
          "SELECT * FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?"
              + " ORDER BY TRIGGER_NAME, EVENT_MANIPULATION";
    }
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = e.admin().prepareStatement(sql)) {
      ps.setString(1, e.schema);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          StringBuilder line = new StringBuilder();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            line.append(i == 1 ? "" : " | ").append(rs.getString(i));
          }
          out.add(line.toString());
        }
      }
    }
    return out;
  }

  /** The rows' {@code touched} values, by id. */
  static List<Object> touched(TestEngine e) throws SQLException {
    return e.dump("tp").stream().map(r -> value(r, "touched")).toList();
  }

  /** A column's value, whatever case the engine stored the column's name in. */
  static Object value(java.util.Map<String, Object> row, String column) {
    return row.entrySet().stream()
        .filter(c -> c.getKey().equalsIgnoreCase(column))
        .findFirst()
        .orElseThrow()
        .getValue();
  }
}
