package dev.guise.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Locks a run holds in the target database while it writes: one per table it masks, and one on the
 * run itself (which tells other runs it is alive). They live on connections of their own, never the
 * pool's batch connections, so they last the whole run and vanish with its process. Each engine's
 * {@link Dialect#tableLocks} says how they are taken.
 */
public interface TableLocks extends AutoCloseable {
  /** Opens a connection that belongs to the locks alone. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  /**
   * Takes the lock without waiting.
   *
   * @param name a readable name ({@link LockNames}); engines hash it as they need
   * @return false when another session holds it
   */
  boolean tryLock(String name) throws SQLException;

  /** Releases a lock this object took; a lock it does not hold is ignored. */
  void unlock(String name) throws SQLException;

  /**
   * Whether {@link #tryLockShared} shares: false for engines whose named locks are exclusive only
   * (MariaDB's GET_LOCK, H2's lock rows), where the run builds the shared lock out of exclusive
   * ones instead (RunLocking's presence slots).
   */
  default boolean sharesLocks() {
    return false;
  }

  /**
   * Takes a shared lock without waiting: any number of sessions share it, and it and {@link
   * #tryLock} of the same name exclude each other (the shards of a table against a whole run on
   * it). Engines without shared named locks ({@link #sharesLocks} false) take nothing and answer
   * true.
   *
   * @return false when another session holds the name exclusively
   */
  default boolean tryLockShared(String name) throws SQLException {
    return true;
  }

  /**
   * Whether another session holds any of these locks; takes none of them (each is taken and
   * released at once, or checked some cheaper way).
   */
  default boolean anyHeld(List<String> names) throws SQLException {
    for (String name : names) {
      if (!tryLock(name)) {
        return true;
      }
      unlock(name);
    }
    return false;
  }

  /** Releases a shared lock this object took; one it does not hold is ignored. */
  default void unlockShared(String name) throws SQLException {}

  /**
   * Fails when a connection holding a lock is gone, so the locks may have passed to another run.
   * Cheap enough to call before each batch commits.
   */
  void check() throws SQLException;

  /** Releases every lock and closes the connections. */
  @Override
  void close();
}
