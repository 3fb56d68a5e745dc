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
 * the run that made it. Kinds today: {@value #TEMP_TABLE}.
 */
public final class ChangeManifest {
  /** The table's name inside the guise schema. */
  public static final String NAME = "manifest";

  /** A table made by {@code build_temp_table}, dropped at the run's end. */
  public static final String TEMP_TABLE = "temp_table";

  private final Dialect dialect;
  private final String schema;

  /**
   * One change.
   *
   * @param objectName the object as the engine stores its name
   * @param created ISO-8601 text
   */
  public record Entry(
      String runId, String kind, String objectName, String host, long pid, String created) {}

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
              + " VARCHAR(40), PRIMARY KEY ("
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
      select(c, q("run_id") + " = ?", "");
    }
  }

  /** Records a change about to be made, and commits it. */
  public void add(Connection c, Entry e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + qualified() + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, e.runId());
      ps.setString(2, e.kind());
      ps.setString(3, e.objectName());
      ps.setString(4, e.host());
      ps.setLong(5, e.pid());
      ps.setString(6, e.created());
      ps.executeUpdate();
    }
    c.commit();
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

  /** One run's changes not yet undone. */
  public List<Entry> ofRun(Connection c, String runId) throws SQLException {
    return select(c, q("run_id") + " = ?", runId);
  }

  private List<Entry> select(Connection c, String where, String value) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + String.join(
                    ", ",
                    List.of("run_id", "kind", "object_name", "host", "pid", "created").stream()
                        .map(this::q)
                        .toList())
                + " FROM "
                + qualified()
                + " WHERE "
                + where
                + " ORDER BY "
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
                  rs.getString(6)));
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
