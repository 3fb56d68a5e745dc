package dev.guise.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads of a single number (a count, a maximum) that end their read transaction. */
public final class SingleNumber {
  private SingleNumber() {}

  /** The number a one-row, one-column query gives; ends the read transaction. */
  public static long of(Connection c, String query) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    } finally {
      c.rollback();
    }
  }
}
