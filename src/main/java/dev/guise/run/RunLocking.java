package dev.guise.run;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionPool;
import dev.guise.db.LockNames;
import dev.guise.db.ProgressTable;
import dev.guise.db.Redact;
import dev.guise.db.TableLocks;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.Step;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Takes a run's locks before it writes anything: its own (which says it is alive) and one per table
 * it masks, all or none, so two runs never write one table and never deadlock. A run that finds a
 * table held is refused naming the holder, or with a wait bound retries until it is free.
 */
final class RunLocking {
  /** How often a queued run tries again: a lock check is one cheap query per table. */
  static final Duration POLL = Duration.ofMillis(500);

  /**
   * Shards at once on one table where the engine's named locks are exclusive only (MariaDB, H2):
   * each holds one of this many presence locks per table, and a whole run checks them all.
   */
  static final int PRESENCE_SLOTS = 64;

  /** How long a shard tries for a table's own lock, which other shards hold only for moments. */
  static final Duration GATE_WAIT = Duration.ofSeconds(2);

  private RunLocking() {}

  /**
   * @param waitFor how long to wait for held tables, or null to be refused at once
   * @param queued told once, with a line naming the holder, when the run starts waiting
   * @return the held locks; the caller closes them when the run ends
   * @throws GuiseException {@link ErrorCode#LOCKED} when refused or the wait timed out
   */
  static TableLocks acquire(
      ConnectionPool pool,
      ProgressTable progress,
      String runId,
      Step plan,
      dev.guise.exec.Shard shard,
      Duration waitFor,
      Clock clock,
      Consumer<String> queued) {
    TableLocks locks =
        pool.dialect().tableLocks(pool::dedicatedConnection, pool.config().guiseSchema());
    Map<String, TableRef> tables = new LinkedHashMap<>();
    tables(plan, tables);
    // a shard shares its tables' own locks with the other shards, so that a whole run on one of
    // them (which takes it exclusively) and the shards exclude each other (tryAll says how)
    Map<String, TableRef> shared = shard == null ? Map.of() : new LinkedHashMap<>(tables);
    if (shard != null) {
      // the shards of a table mask its key ranges side by side: each holds its own part's lock
      Map<String, TableRef> parts = new LinkedHashMap<>();
      tables.forEach((name, ref) -> parts.put(name + "@shard:" + shard.label(), ref));
      tables = parts;
    }
    Instant deadline = waitFor == null ? null : clock.instant().plus(waitFor);
    boolean told = false;
    try {
      if (!locks.tryLock(LockNames.run(runId))) {
        throw new IllegalStateException("a new run's id is locked: " + runId);
      }
      while (true) {
        String busy = tryAll(locks, shared, tables);
        if (busy == null) {
          return locks;
        }
        String holder = holder(pool, progress, busy);
        if (deadline == null) {
          throw new GuiseException(
              ErrorCode.LOCKED,
              busy
                  + " - held by "
                  + holder
                  + "; nothing was written. Wait for it to end, or pass --wait to queue behind it",
              null);
        }
        if (!told) {
          queued.accept(busy + " - held by " + holder + "; queued until it is free");
          told = true;
        }
        if (!clock.instant().isBefore(deadline)) {
          throw new GuiseException(
              ErrorCode.LOCKED,
              busy
                  + " - still held by "
                  + holder
                  + " after waiting "
                  + waitFor.toSeconds()
                  + " s; nothing was written. Raise --wait-timeout, or try later",
              null);
        }
        Thread.sleep(POLL.toMillis()); // polling the server: its locks cannot notify a waiter
      }
    } catch (SQLException e) {
      locks.close();
      throw new GuiseException(
          ErrorCode.DATABASE,
          pool.config().name() + " - cannot take the run's locks: " + Redact.sqlError(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      locks.close();
      throw new GuiseException(
          ErrorCode.CANCELLED, "run " + runId + " - cancelled while queued; nothing was written");
    } catch (RuntimeException e) {
      locks.close();
      throw e;
    }
  }

  /**
   * Takes every shared and every table lock, or none: returns the first table held by another run.
   *
   * <p>Where the engine has shared locks (PostgreSQL) a shard takes its tables' own locks shared
   * and a whole run takes them exclusively. Elsewhere a table's shared lock is built from exclusive
   * ones: a shard takes the table's own lock for a moment and, while it holds it, one of {@link
   * #PRESENCE_SLOTS} presence locks, which it keeps; a whole run holds the table's own lock (so no
   * shard can start) and is refused while any presence lock is held (a shard is running). Either
   * way a whole run and a shard exclude each other however close together they start.
   */
  private static String tryAll(
      TableLocks locks, Map<String, TableRef> shared, Map<String, TableRef> tables)
      throws SQLException, InterruptedException {
    boolean slots = !locks.sharesLocks();
    List<String> sharedTaken = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    String busy = null;
    for (Map.Entry<String, TableRef> t : shared.entrySet()) {
      String lock = slots ? present(locks, t.getKey(), t.getValue()) : t.getKey();
      if (lock == null || (!slots && !locks.tryLockShared(lock))) {
        busy = t.getValue().toString();
        break;
      }
      sharedTaken.add(lock);
    }
    if (busy == null) {
      for (Map.Entry<String, TableRef> t : tables.entrySet()) {
        if (!locks.tryLock(t.getKey())) {
          busy = t.getValue().toString();
          break;
        }
        taken.add(t.getKey());
        if (slots && shared.isEmpty() && anyPresent(locks, t.getKey())) {
          busy = t.getValue().toString(); // a shard of it is running
          break;
        }
      }
    }
    if (busy != null) {
      for (String n : taken) {
        locks.unlock(n);
      }
      for (String n : sharedTaken) {
        if (slots) {
          locks.unlock(n);
        } else {
          locks.unlockShared(n);
        }
      }
    }
    return busy;
  }

  private static String presence(String tableLock, int slot) {
    return tableLock + "@present:" + slot;
  }

  /**
   * A shard's presence on a table: the name of the presence lock it took while it held the table's
   * own lock, or null when that stayed held (a whole run is on the table).
   */
  private static String present(TableLocks locks, String tableLock, TableRef table)
      throws SQLException, InterruptedException {
    long until = System.nanoTime() + GATE_WAIT.toNanos();
    while (!locks.tryLock(tableLock)) {
      if (System.nanoTime() - until > 0) {
        return null;
      }
      Thread.sleep(20); // another shard holds it for a moment, or a whole run for its length
    }
    try {
      for (int slot = 1; slot <= PRESENCE_SLOTS; slot++) {
        if (locks.tryLock(presence(tableLock, slot))) {
          return presence(tableLock, slot);
        }
      }
      throw new GuiseException(
          ErrorCode.LOCKED,
          table
              + " - "
              + PRESENCE_SLOTS
              + " shards already run on it at once, the most this engine's locks can count;"
              + " nothing was written. Start this shard when one of them has ended",
          null);
    } finally {
      locks.unlock(tableLock);
    }
  }

  /** Whether a shard holds one of the table's presence locks. */
  private static boolean anyPresent(TableLocks locks, String tableLock) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int slot = 1; slot <= PRESENCE_SLOTS; slot++) {
      names.add(presence(tableLock, slot));
    }
    return locks.anyHeld(names);
  }

  /** The run masking a table now, as its progress row says, for the refusal message. */
  private static String holder(ConnectionPool pool, ProgressTable progress, String table) {
    try (Connection c = pool.connection()) {
      List<ProgressTable.Row> rows = progress.runningOn(c, table);
      if (rows.isEmpty()) {
        return "another run (starting: not yet in " + progress.qualified() + ")";
      }
      ProgressTable.Row r = rows.get(rows.size() - 1);
      return "run "
          + r.runId()
          + " (host "
          + r.host()
          + ", pid "
          + r.pid()
          + ", started "
          + r.started()
          + ")";
    } catch (SQLException | RuntimeException e) {
      return "another run";
    }
  }

  private static void tables(Step step, Map<String, TableRef> out) {
    if (step instanceof MaskTableStep m) {
      out.put(LockNames.table(m.table().ref()), m.table().ref());
    }
    if (step instanceof dev.guise.plan.KeyRewriteStep k) {
      // every table of the family is rewritten
      k.byTable().keySet().forEach(t -> out.put(LockNames.table(t), t));
    }
    step.children().forEach(c -> tables(c, out));
  }
}
