package dev.guise.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What runs changed in the schema, in {@code <guise_schema>.manifest}: a row is committed before
 * the change is made and deleted once it is undone, so whatever a killed run left is listed with
 * the run that made it. Kinds today: {@value #TEMP_TABLE}, {@value #TRIGGER}; any kind but
 * temporary tables carries its {@code restore} statements, which {@code guise runs repair} (and the
 * run itself, at its end) executes in reverse order of {@code seq} to undo the change: a dropped
 * constraint's {@code ADD CONSTRAINT}, a disabled trigger's {@code ENABLE TRIGGER}, a dropped
 * trigger's {@code CREATE TRIGGER}.
 */
public final class ChangeManifest {
  /** The table's name inside the guise schema. */
  public static final String NAME = "manifest";

  /** A table made by {@code build_temp_table}, dropped at the run's end. */
  public static final String TEMP_TABLE = "temp_table";

  /** A user trigger switched off (or dropped) while the run writes its table. */
  public static final String TRIGGER = "trigger";

  /** The key path's old → new mapping (it holds originals): always dropped at the end. */
  public static final String KEY_MAP = "key_map";

  /**
   * A table of a key family still to be rewritten from the mapping; its restore is the rewrite, run
   * only while the entry exists and deleting it in the same transaction, so it never runs twice.
   */
  public static final String KEY_REWRITE = "key_rewrite";

  /** A foreign key to check with an anti-join once it is back: its restore counts the orphans. */
  public static final String KEY_CHECK = "key_check";

  /** The kinds the key path records (with the constraint kinds it drops). */
  public static final java.util.Set<String> KEY_KINDS =
      java.util.Set.of(
          KEY_MAP,
          KEY_REWRITE,
          KEY_CHECK,
          "foreign_key",
          "primary_key",
          "unique",
          "unique_index",
          "index");

  private static final List<String> COLUMNS =
      List.of("run_id", "kind", "object_name", "host", "pid", "created", "seq", "restore");

  private final Dialect dialect;
  private final String schema;

  /**
   * One change.
   *
   * @param objectName the object as the engine stores its name
   * @param created ISO-8601 text
   */
  public record Entry(
      String runId,
      String kind,
      String objectName,
      String host,
      long pid,
      String created,
      long seq,
      String restore) {
    /** A change that needs no statements to undo (its kind says how), numbered when added. */
    public Entry(
        String runId, String kind, String objectName, String host, long pid, String created) {
      this(runId, kind, objectName, host, pid, created, 0, null);
    }

    /** The same change with its undo statements (one script in the engine's SQL). */
    public Entry withRestore(String statements) {
      return new Entry(runId, kind, objectName, host, pid, created, seq, statements);
    }
  }

  public ChangeManifest(Dialect dialect, String schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  /** The table, qualified and quoted. */
  public String qualified() {
    return dialect.quote(schema) + "." + dialect.quote(NAME);
  }

  /** Creates the table when missing (its schema exists: the progress table made it), commits. */
  public void ensure(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS "
              + qualified()
              + " ("
              + q("run_id")
              + " VARCHAR(64) NOT NULL, "
              + q("kind")
              + " VARCHAR(32) NOT NULL, "
              + q("object_name")
              + " VARCHAR(512) NOT NULL, "
              + q("host")
              + " VARCHAR(255), "
              + q("pid")
              + " BIGINT, "
              + q("created")
              + " VARCHAR(40), "
              + q("seq")
              + " BIGINT, "
              + q("restore")
              + " "
              + dialect.longTextType()
              + ", PRIMARY KEY ("
              + q("run_id")
              + ", "
              + q("kind")
              + ", "
              + q("object_name")
              + "))");
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      // a run creating it at the same moment wins; anything else is a real failure
    }
    upgrade(c);
    select(c, q("run_id") + " = ?", "");
  }

  /** A manifest made by an older Guise lacks {@code seq} and {@code restore}: adds them. */
  private void upgrade(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.executeQuery("SELECT " + q("restore") + " FROM " + qualified() + " WHERE 1 = 0").close();
      c.rollback();
      return;
    } catch (SQLException missing) {
      c.rollback();
    }
    try (Statement st = c.createStatement()) {
      st.execute("ALTER TABLE " + qualified() + " ADD " + q("seq") + " BIGINT");
      st.execute(
          "ALTER TABLE " + qualified() + " ADD " + q("restore") + " " + dialect.longTextType());
      c.commit();
    } catch (SQLException e) {
      c.rollback();
    }
  }

  /** Records a change about to be made, and commits it. */
  public void add(Connection c, Entry e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + qualified()
                + " ("
                + String.join(", ", COLUMNS.stream().map(this::q).toList())
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, e.runId());
      ps.setString(2, e.kind());
      ps.setString(3, e.objectName());
      ps.setString(4, e.host());
      ps.setLong(5, e.pid());
      ps.setString(6, e.created());
      ps.setLong(7, nextSeq(c, e.runId()));
      ps.setString(8, e.restore());
      ps.executeUpdate();
    }
    c.commit();
  }

  private long nextSeq(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT MAX("
                + q("seq")
                + ") FROM "
                + qualified()
                + " WHERE "
                + q("run_id")
                + " = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) + 1 : 1;
      }
    }
  }

  /**
   * A SQL condition, true while the entry is recorded (literals inlined: it is pasted into the
   * statement the entry guards).
   */
  public String recorded(Entry e) {
    return "EXISTS (SELECT 1 FROM " + qualified() + " WHERE " + match(e) + ")";
  }

  /** The statement that forgets the entry (run in the transaction of the change it records). */
  public String forget(Entry e) {
    return "DELETE FROM " + qualified() + " WHERE " + match(e);
  }

  private String match(Entry e) {
    return q("run_id")
        + " = "
        + literal(e.runId())
        + " AND "
        + q("kind")
        + " = "
        + literal(e.kind())
        + " AND "
        + q("object_name")
        + " = "
        + literal(e.objectName());
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * Undoes (or, for a key rewrite, finishes) what a run left, newest first, forgetting each entry
   * once done: temporary tables dropped, restores run, foreign keys checked.
   *
   * @return what was done, one line each
   * @throws SQLException when a statement fails, or a foreign key has rows without a parent (the
   *     entries not yet done stay, for another repair once the cause is fixed)
   */
  public List<String> undoRun(Connection c, String runId) throws SQLException {
    return undoRun(c, runId, e -> true);
  }

  /** {@link #undoRun(Connection, String)} of the entries {@code which} accepts. */
  public List<String> undoRun(Connection c, String runId, java.util.function.Predicate<Entry> which)
      throws SQLException {
    List<String> done = new ArrayList<>();
    List<Entry> entries = new ArrayList<>(ofRun(c, runId).stream().filter(which).toList());
    java.util.Collections.reverse(entries);
    for (Entry e : entries) {
      if (e.kind().equals(TEMP_TABLE)) {
        try (Statement st = c.createStatement()) {
          st.execute(dialect.dropTableIfExists(e.objectName()));
        }
        c.commit();
        done.add("dropped temporary table " + e.objectName());
      } else if (e.kind().equals(KEY_CHECK)) {
        long orphans = SingleNumber.of(c, e.restore());
        if (orphans != 0) {
          throw new SQLException(
              e.objectName()
                  + " - "
                  + orphans
                  + " rows reference no parent after the key rewrite; fix them and repair again",
              "23503");
        }
        done.add("checked foreign key " + e.objectName() + ": every row has its parent");
      } else if (e.kind().equals(KEY_MAP)) {
        RestoreScript.run(c, dialect, e);
        done.add("dropped the key mapping table " + e.objectName());
      } else if (e.kind().equals(KEY_REWRITE)) {
        RestoreScript.run(c, dialect, e);
        done.add("finished the key rewrite of " + e.objectName());
      } else if (e.restore() != null) {
        RestoreScript.run(c, dialect, e);
        done.add("restored " + e.kind() + " " + e.objectName());
      }
      remove(c, e);
    }
    return done;
  }

  /** Forgets a change that was undone, and commits. */
  public void remove(Connection c, Entry e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM "
                + qualified()
                + " WHERE "
                + q("run_id")
                + " = ? AND "
                + q("kind")
                + " = ? AND "
                + q("object_name")
                + " = ?")) {
      ps.setString(1, e.runId());
      ps.setString(2, e.kind());
      ps.setString(3, e.objectName());
      ps.executeUpdate();
    }
    c.commit();
  }

  /** Every run's changes to one object. */
  public List<Entry> ofObject(Connection c, String objectName) throws SQLException {
    return select(c, q("object_name") + " = ?", objectName);
  }

  /** One run's changes not yet undone, in the order they were made. */
  public List<Entry> ofRun(Connection c, String runId) throws SQLException {
    return select(c, q("run_id") + " = ?", runId);
  }

  private List<Entry> select(Connection c, String where, String value) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + String.join(", ", COLUMNS.stream().map(this::q).toList())
                + " FROM "
                + qualified()
                + " WHERE "
                + where
                + " ORDER BY "
                + q("seq")
                + ", "
                + q("created"))) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Entry(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.getString(6),
                  rs.getLong(7),
                  rs.getString(8)));
        }
      }
    } finally {
      c.rollback();
    }
    return out;
  }

  private String q(String column) {
    return dialect.quote(column);
  }
}
