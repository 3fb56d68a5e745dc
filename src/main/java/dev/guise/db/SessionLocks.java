package dev.guise.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Session-level named locks (PostgreSQL advisory locks, MySQL {@code GET_LOCK}) on one connection
 * kept for the run: the server releases them when the session ends, so a killed run leaves none.
 */
public final class SessionLocks implements TableLocks {
  private final Opener opener;
  private final String trySql;
  private final String unlockSql;
  private final Function<String, Object> key;
  private final String trySharedSql;
  private final String unlockSharedSql;
  private final Set<String> held = new LinkedHashSet<>();
  private final Set<String> heldShared = new LinkedHashSet<>();
  private Connection connection;

  /**
   * @param trySql a one-row query taking the lock at once, answering true or 1 when taken
   * @param unlockSql a query releasing it
   * @param key the bound parameter for a lock name
   */
  public SessionLocks(
      Opener opener, String trySql, String unlockSql, Function<String, Object> key) {
    this(opener, trySql, unlockSql, null, null, key);
  }

  /**
   * @param trySharedSql as {@code trySql} for a shared lock, or null when the engine has none
   * @param unlockSharedSql a query releasing a shared lock
   */
  public SessionLocks(
      Opener opener,
      String trySql,
      String unlockSql,
      String trySharedSql,
      String unlockSharedSql,
      Function<String, Object> key) {
    this.opener = opener;
    this.trySql = trySql;
    this.unlockSql = unlockSql;
    this.trySharedSql = trySharedSql;
    this.unlockSharedSql = unlockSharedSql;
    this.key = key;
  }

  @Override
  public synchronized boolean tryLock(String name) throws SQLException {
    return take(trySql, name, held);
  }

  @Override
  public boolean sharesLocks() {
    return trySharedSql != null;
  }

  @Override
  public synchronized boolean tryLockShared(String name) throws SQLException {
    return trySharedSql == null || take(trySharedSql, name, heldShared);
  }

  @Override
  public synchronized void unlockShared(String name) throws SQLException {
    release(unlockSharedSql, name, heldShared);
  }

  private boolean take(String sql, String name, Set<String> into) throws SQLException {
    if (connection == null) {
      connection = opener.open();
      connection.setAutoCommit(true); // session locks outlive transactions; nothing else runs here
    }
    boolean taken = ask(sql, name);
    if (taken) {
      into.add(name);
    }
    return taken;
  }

  private void release(String sql, String name, Set<String> from) throws SQLException {
    if (from.remove(name)) {
      ask(sql, name);
    }
  }

  @Override
  public synchronized void unlock(String name) throws SQLException {
    release(unlockSql, name, held);
  }

  private boolean ask(String sql, String name) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setObject(1, key.apply(name));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        Object v = rs.getObject(1);
        return Boolean.TRUE.equals(v) || (v instanceof Number n && n.intValue() == 1);
      }
    }
  }

  @Override
  public synchronized void check() throws SQLException {
    if ((!held.isEmpty() || !heldShared.isEmpty()) && !connection.isValid(1)) {
      // SQLState 08003, connection does not exist: the run reports it as a lost connection
      throw new SQLException("the connection holding the run's locks is gone", "08003");
    }
  }

  @Override
  public synchronized void close() {
    if (connection == null) {
      return;
    }
    try {
      connection.close(); // ends the session, which releases every lock it held
    } catch (SQLException ignored) {
      // the session is gone either way, and its locks with it
    }
    connection = null;
    held.clear();
    heldShared.clear();
  }
}
