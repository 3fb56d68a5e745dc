package dev.guise.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Guise's {@code token_keys} table in the target database: the check value of every token key a run
 * tokenized with there (never the key), so that re-identifying the data with another key of the
 * same name is refused, from any host.
 */
public final class TokenKeyTable {
  /** The table's name inside Guise's schema. */
  public static final String NAME = "token_keys";

  private final Dialect dialect;
  private final String schema;

  public TokenKeyTable(Dialect dialect, String schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  /** The table, qualified and quoted. */
  public String qualified() {
    return dialect.quote(schema) + "." + dialect.quote(NAME);
  }

  /** Creates the table when missing (the schema exists: the progress table made it); commits. */
  public void ensure(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS "
              + qualified()
              + " ("
              + q("key_name")
              + " VARCHAR(64) NOT NULL PRIMARY KEY, "
              + q("check_value")
              + " VARCHAR(64) NOT NULL, "
              + q("first_run_id")
              + " VARCHAR(64) NOT NULL, "
              + q("created")
              + " VARCHAR(40) NOT NULL)");
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      if (!readable(c)) {
        throw e; // a creation that lost a race leaves the table there
      }
    }
  }

  /**
   * The check values recorded, by key name; empty when the table does not exist (nothing was ever
   * tokenized here). Ends the read transaction.
   */
  public Map<String, String> checkValues(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!readable(c)) {
      return out;
    }
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT " + q("key_name") + ", " + q("check_value") + " FROM " + qualified())) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    } finally {
      c.rollback();
    }
    return out;
  }

  /** Records a key's check value; the caller commits. */
  public void insert(Connection c, String name, String checkValue, String runId, String created)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + qualified()
                + " ("
                + q("key_name")
                + ", "
                + q("check_value")
                + ", "
                + q("first_run_id")
                + ", "
                + q("created")
                + ") VALUES (?, ?, ?, ?)")) {
      ps.setString(1, name);
      ps.setString(2, checkValue);
      ps.setString(3, runId);
      ps.setString(4, created);
      ps.executeUpdate();
    }
  }

  private boolean readable(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + qualified())) {
      return rs.next();
    } catch (SQLException e) {
      c.rollback();
      return false;
    }
  }

  private String q(String column) {
    return dialect.quote(column);
  }
}
