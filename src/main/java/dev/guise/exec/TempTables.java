package dev.guise.exec;

import dev.guise.db.ChangeManifest;
import dev.guise.db.LockNames;
import dev.guise.db.TableLocks;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The run's {@code build_temp_table} tables in the change manifest: recorded before each is
 * created, forgotten once dropped; a table of the same name that a dead run left is dropped before
 * it is made again.
 */
final class TempTables {
  private TempTables() {}

  /**
   * Drops what dead runs left under this name and records the table about to be created.
   *
   * @return the manifest entry, or null when the run keeps no manifest (a dry run)
   */
  static ChangeManifest.Entry before(String taskId, String table, StepContext ctx) {
    Checkpoints run = ctx.checkpoints();
    ChangeManifest manifest = run.manifest();
    if (manifest == null || ctx.options().dryRun()) {
      return null;
    }
    String name = ctx.pool().dialect().unquotedName(table);
    try (Connection c = ctx.pool().connection()) {
      for (ChangeManifest.Entry left : manifest.ofObject(c, name)) {
        if (!left.runId().equals(run.runId()) && dead(left, run.locks())) {
          try (Statement st = c.createStatement()) {
            st.execute(ctx.pool().dialect().dropTableIfExists(table));
          }
          c.commit();
          manifest.remove(c, left);
          ctx.events()
              .on(
                  new RunEvent.Note(
                      taskId,
                      "dropped temporary table "
                          + name
                          + " left by interrupted run "
                          + left.runId()
                          + " before creating it again"));
        }
      }
      ChangeManifest.Entry e =
          new ChangeManifest.Entry(
              run.runId(),
              ChangeManifest.TEMP_TABLE,
              name,
              run.host(),
              run.pid(),
              ctx.clock().instant().toString());
      manifest.add(c, e);
      return e;
    } catch (SQLException e) {
      throw TaskFailure.sql(
          table, e, "; the change manifest " + manifest.qualified() + " could not be written");
    }
  }

  /** A run is dead when its process is gone from this host, or when its run lock is free. */
  private static boolean dead(ChangeManifest.Entry e, TableLocks locks) throws SQLException {
    if (RunLiveness.deadHere(e.host(), e.pid(), null)) {
      return true;
    }
    if (locks == null) {
      return false;
    }
    String name = LockNames.run(e.runId());
    if (locks.tryLock(name)) {
      locks.unlock(name);
      return true;
    }
    return false;
  }

  /** Forgets a table that was not made (its creation failed) or was dropped. */
  static void forget(ChangeManifest.Entry e, StepContext ctx) {
    if (e == null) {
      return;
    }
    try (Connection c = ctx.pool().connection()) {
      ctx.checkpoints().manifest().remove(c, e);
    } catch (SQLException | RuntimeException ex) {
      ctx.events()
          .on(
              new RunEvent.Warning(
                  null,
                  "could not clear "
                      + e.objectName()
                      + " from the change manifest: "
                      + ex.getMessage()
                      + "; 'guise runs repair "
                      + e.runId()
                      + "' clears it"));
    }
  }

  /** The entries of a run's tables, as dropped at its end. */
  record Made(String table, ChangeManifest.Entry entry) {}

  /** Drops each table and forgets it; false when one could not be dropped. */
  static boolean dropAll(List<Made> made, StepContext ctx) {
    boolean ok = true;
    for (Made m : made) {
      try (Connection c = ctx.pool().connection();
          Statement st = c.createStatement()) {
        st.execute(ctx.pool().dialect().dropTable(m.table()));
        c.commit();
        ctx.events().on(new RunEvent.Note(null, "dropped temporary table " + m.table()));
      } catch (SQLException | RuntimeException e) {
        ok = false;
        ctx.events()
            .on(
                new RunEvent.Warning(
                    null,
                    "could not drop temporary table "
                        + m.table()
                        + ": "
                        + e.getMessage()
                        + "; drop it by hand, or run 'guise runs repair "
                        + ctx.checkpoints().runId()
                        + "'"));
        continue;
      }
      forget(m.entry(), ctx);
    }
    return ok;
  }
}
