package dev.guise.db.h2;

import dev.guise.db.TableLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * H2 has no named locks, so a lock is a row of {@code <guise_schema>.locks} inserted by a
 * transaction that stays open for as long as the lock is held, one connection per lock. Another
 * run's insert of the same name finds the row locked and fails at once ({@code LOCK_TIMEOUT 0});
 * the row is never committed, so a killed run's transaction rolls back and leaves nothing.
 */
final class H2LockTable implements TableLocks {
  /** The table's name inside the guise schema. */
  static final String NAME = "locks";

  private static final int LOCK_TIMEOUT = 50200;
  private static final int DUPLICATE_KEY = 23505;

  private final Opener opener;
  private final String schema;
  private final Map<String, Connection> held = new LinkedHashMap<>();
  private boolean ensured;

  H2LockTable(Opener opener, String schema) {
    this.opener = opener;
    this.schema = schema;
  }

  private String qualified() {
    return quote(schema) + "." + quote(NAME);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private void ensure() throws SQLException {
    if (ensured) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try (Connection c = opener.open();
          Statement st = c.createStatement()) {
        c.setAutoCommit(true);
        st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        st.execute(
            "CREATE TABLE IF NOT EXISTS "
                + qualified()
                + " (\"name\" VARCHAR(512) PRIMARY KEY, \"taken\" VARCHAR(40) NOT NULL)");
        break;
      } catch (SQLException e) {
        // runs starting together race to create them: H2 then fails one "IF NOT EXISTS" with
        // "object already exists"; by the next attempt the other has made them
        if (attempt == 3) {
          throw e;
        }
      }
    }
    ensured = true;
  }

  @Override
  public synchronized boolean tryLock(String name) throws SQLException {
    if (held.containsKey(name)) {
      return true;
    }
    ensure();
    Connection c = lockSession();
    try {
      try (PreparedStatement ps = insert(c)) {
        if (!take(ps, name)) {
          c.close();
          return false;
        }
      }
      held.put(name, c);
      return true;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  /**
   * A connection whose open transaction holds the rows it inserts, and that fails at once on a row
   * another holds ({@code LOCK_TIMEOUT 0}).
   */
  private Connection lockSession() throws SQLException {
    Connection c = opener.open();
    try {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SET LOCK_TIMEOUT 0");
      }
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private PreparedStatement insert(Connection c) throws SQLException {
    return c.prepareStatement("INSERT INTO " + qualified() + " VALUES (?, ?)");
  }

  /** Inserts the name's row in the statement's transaction: false when another holds it. */
  private static boolean take(PreparedStatement ps, String name) throws SQLException {
    ps.setString(1, name);
    ps.setString(2, Instant.now().toString());
    try {
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == LOCK_TIMEOUT || e.getErrorCode() == DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /** One connection and one transaction for all the names (a connection per name otherwise). */
  @Override
  public synchronized boolean anyHeld(List<String> names) throws SQLException {
    ensure();
    try (Connection c = lockSession()) {
      try (PreparedStatement ps = insert(c)) {
        for (String name : names) {
          if (!held.containsKey(name) && !take(ps, name)) {
            return true;
          }
        }
        return false;
      } finally {
        c.rollback(); // the rows were never locks: nobody saw them
      }
    }
  }

  @Override
  public synchronized void unlock(String name) throws SQLException {
    Connection c = held.remove(name);
    if (c != null) {
      try (c) {
        c.rollback();
      }
    }
  }

  @Override
  public synchronized void check() throws SQLException {
    for (Connection c : held.values()) {
      if (!c.isValid(1)) {
        throw new SQLException("the connection holding a lock of the run is gone", "08003");
      }
    }
  }

  @Override
  public synchronized void close() {
    for (Connection c : held.values()) {
      try (c) {
        c.rollback();
      } catch (SQLException ignored) {
        // a closed connection's transaction is rolled back, and the lock with it
      }
    }
    held.clear();
  }
}
