package dev.guise.exec;

import dev.guise.db.ChangeManifest;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ManagedTrigger;
import dev.guise.db.Redact;
import dev.guise.db.RestoreScript;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The user triggers on the tables a run writes. With {@code auto_manage_triggers}, each table's
 * triggers are switched off before the run first writes it and stay off until the run ends (a table
 * written by several tasks, or by a key rewrite after its masking, is switched once): every
 * trigger's restore goes into the change manifest and is committed before the trigger is touched,
 * and {@link #restoreAll} brings them back, latest first, whatever happened to the run; after a
 * kill, {@code guise runs repair} does. Without the option each table's triggers are warned about
 * once: they fire on every row the run writes. A dry run touches nothing.
 *
 * <p>Any runner that writes a table calls {@link #beforeWriting} first (mask_table and
 * truncate_table do; a key rewrite calls it for each table it rewrites).
 */
public final class TriggerGuard {
  private final ConnectionPool pool;
  private final Checkpoints run;
  private final RunListener events;
  private final Clock clock;
  private final boolean manage;
  private final boolean dryRun;
  private final Set<TableRef> seen = new HashSet<>();
  private final List<Switched> switched = new ArrayList<>();

  private record Switched(ManagedTrigger trigger, ChangeManifest.Entry entry) {}

  /**
   * @param manage the ruleset's {@code auto_manage_triggers}
   */
  TriggerGuard(
      ConnectionPool pool,
      Checkpoints run,
      RunListener events,
      Clock clock,
      boolean manage,
      boolean dryRun) {
    this.pool = pool;
    this.run = run;
    this.events = events;
    this.clock = clock;
    this.manage = manage;
    this.dryRun = dryRun;
  }

  /** Whether the run switches triggers off ({@code auto_manage_triggers: true}). */
  public boolean managing() {
    return manage;
  }

  /**
   * Called before a task writes {@code table}: switches its user triggers off (the first time in
   * the run), or warns that they will fire.
   *
   * @throws TaskFailure when a trigger cannot be read, recorded or switched off; what was switched
   *     off already is restored by {@link #restoreAll}
   */
  public synchronized void beforeWriting(String taskId, TableRef table) {
    if (seen.contains(table)) {
      return;
    }
    if (!manage) {
      warn(taskId, table);
      seen.add(table);
      return;
    }
    if (dryRun) {
      return;
    }
    ChangeManifest manifest = run.manifest();
    if (manifest == null) {
      throw new TaskFailure(
          table
              + " - auto_manage_triggers needs the run's change manifest, and this run keeps none",
          null);
    }
    List<ManagedTrigger> triggers;
    try (Connection c = pool.connection()) {
      try {
        triggers = pool.dialect().managedTriggers(c, table);
      } finally {
        c.rollback();
      }
      for (ManagedTrigger t : triggers) {
        if (t.refusal() != null) {
          throw new TaskFailure(table + " - trigger " + t.name() + ": " + t.refusal(), null);
        }
      }
      // last to first: restores run newest first, so they re-create the triggers first to last,
      // the order in which MariaDB fires them
      for (ManagedTrigger t : reversed(triggers)) {
        ChangeManifest.Entry e =
            new ChangeManifest.Entry(
                    run.runId(),
                    ChangeManifest.TRIGGER,
                    t.objectName(),
                    run.host(),
                    run.pid(),
                    clock.instant().toString())
                .withRestore(RestoreScript.of(t.restore()));
        manifest.add(c, e);
        switched.add(new Switched(t, e));
        try (Statement st = c.createStatement()) {
          for (String sql : t.disable()) {
            st.execute(sql);
          }
        }
        c.commit();
      }
    } catch (SQLException e) {
      throw TaskFailure.sql(table.toString(), e, "; its triggers could not be switched off");
    }
    seen.add(table);
    if (!triggers.isEmpty()) {
      events.on(
          new RunEvent.Note(
              taskId,
              table
                  + " - switched off "
                  + names(triggers)
                  + " until the run ends (auto_manage_triggers)"));
    }
  }

  /**
   * A resumed run first brings back the triggers its killed original left switched off (as {@code
   * guise runs repair} would), so that it sees them as the user had them.
   */
  synchronized void restoreLeftovers() {
    ChangeManifest manifest = run.manifest();
    if (dryRun || manifest == null || run.resumedFrom() == null) {
      return;
    }
    try (Connection c = pool.connection()) {
      List<ChangeManifest.Entry> left = reversed(manifest.ofRun(c, run.resumedFrom()));
      for (ChangeManifest.Entry e : left) {
        if (e.kind().equals(ChangeManifest.TRIGGER) && e.restore() != null) {
          RestoreScript.run(c, pool.dialect(), e);
          manifest.remove(c, e);
          events.on(
              new RunEvent.Note(
                  null,
                  "trigger "
                      + e.objectName()
                      + " left switched off by run "
                      + e.runId()
                      + " restored before resuming"));
        }
      }
    } catch (SQLException e) {
      events.on(
          new RunEvent.Warning(
              null,
              "run "
                  + run.resumedFrom()
                  + " - the triggers it left switched off could not be restored: "
                  + Redact.sqlError(e)
                  + "; run 'guise runs repair "
                  + run.resumedFrom()
                  + "'"));
    }
  }

  private void warn(String taskId, TableRef table) {
    List<String> names;
    try (Connection c = pool.connection()) {
      try {
        // the enabled ones: a trigger the user disabled does not fire
        names =
            pool.dialect().managedTriggers(c, table).stream().map(ManagedTrigger::name).toList();
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw TaskFailure.sql(table.toString(), e, "; its triggers could not be read");
    }
    if (!names.isEmpty()) {
      events.on(new RunEvent.Warning(taskId, firing(table.toString(), names)));
    }
  }

  /**
   * The warning for triggers that fire during masking, as {@code guise plan} and the run word it.
   */
  public static String firing(String table, List<String> triggers) {
    boolean one = triggers.size() == 1;
    return table
        + " - has "
        + (one ? "a trigger" : triggers.size() + " triggers")
        + " ("
        + String.join(", ", triggers)
        + ") that will fire on every row the run writes; set auto_manage_triggers: true to switch "
        + (one ? "it" : "them")
        + " off during the run";
  }

  /**
   * Brings back every trigger the run switched off, latest first, and forgets each in the change
   * manifest once back.
   *
   * @return false when one could not be restored (a warning names it and how to repair)
   */
  public synchronized boolean restoreAll() {
    boolean ok = true;
    for (Switched s : reversed(switched)) {
      try (Connection c = pool.connection()) {
        RestoreScript.run(c, pool.dialect(), s.entry());
        run.manifest().remove(c, s.entry());
        events.on(
            new RunEvent.Note(
                null, s.trigger().table() + " - trigger " + s.trigger().name() + " restored"));
      } catch (SQLException | RuntimeException e) {
        ok = false;
        events.on(
            new RunEvent.Warning(
                null,
                s.trigger().table()
                    + " - trigger "
                    + s.trigger().name()
                    + " could not be restored: "
                    + (e instanceof SQLException q ? Redact.sqlError(q) : e.getMessage())
                    + "; run 'guise runs repair "
                    + run.runId()
                    + "' to restore it"));
      }
    }
    switched.clear();
    return ok;
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }

  private static String names(List<ManagedTrigger> triggers) {
    return (triggers.size() == 1 ? "trigger " : triggers.size() + " triggers (")
        + String.join(", ", triggers.stream().map(ManagedTrigger::name).toList())
        + (triggers.size() == 1 ? "" : ")");
  }
}
