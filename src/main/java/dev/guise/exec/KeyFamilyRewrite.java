package dev.guise.exec;

import dev.guise.db.ChangeManifest;
import dev.guise.db.Dialect;
import dev.guise.db.KeyConstraint;
import dev.guise.db.KeyRewriteSql;
import dev.guise.db.RestoreScript;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites one key family from its mapping table under the change manifest. Every entry is
 * committed before its change: the mapping (dropped at the end, always), the foreign-key checks,
 * each constraint dropped (with the DDL that re-creates it), and, where DDL is not transactional,
 * each table still to rewrite (with the rewrite itself, run only while its entry exists and
 * forgetting it in the same transaction). PostgreSQL then drops, rewrites and re-creates in one
 * transaction; MariaDB and H2 go step by step, so that a repair or a resume finishes the family in
 * the manifest's reverse order and never applies the mapping twice.
 */
final class KeyFamilyRewrite {
  private final KeyRewriteStep step;
  private final StepContext ctx;
  private final Connection c;
  private final Dialect d;
  private final KeyRewriteSql sql;
  private final KeyFamily family;
  private final String map;
  private final ChangeManifest manifest;
  private final Checkpoints run;
  private ChangeManifest.Entry mapEntry;

  /** Rows rewritten, where the engine counts them (the family's one transaction). */
  private long rewritten;

  private final List<ChangeManifest.Entry> checks = new ArrayList<>();
  private final List<ChangeManifest.Entry> constraints = new ArrayList<>();
  private final List<ChangeManifest.Entry> rewrites = new ArrayList<>();

  KeyFamilyRewrite(
      KeyRewriteStep step, StepContext ctx, Connection c, KeyFamily family, String map) {
    this.step = step;
    this.ctx = ctx;
    this.c = c;
    this.d = ctx.pool().dialect();
    this.sql = d.keyRewriteSql();
    this.family = family;
    this.map = map;
    this.run = ctx.checkpoints();
    this.manifest = run.manifest();
  }

  /** Maps, rewrites and checks the family; on failure puts it back as it was and rethrows. */
  RunStatus run(Connection read) throws SQLException {
    mapEntry = record(ChangeManifest.KEY_MAP, map, "DROP TABLE IF EXISTS " + map);
    try {
      long mapped = KeyMapping.build(step, ctx, c, read, map);
      note("mapped " + mapped + " distinct values of " + step.root());
      for (ForeignKey fk : family.declared()) {
        checks.add(record(ChangeManifest.KEY_CHECK, fk.child() + "." + fk.name(), sql.orphans(fk)));
      }
      for (KeyConstraint k : family.dropOrder()) {
        constraints.add(record(k.kind().manifestKind(), k.objectName(), sql.recreate(k)));
      }
      if (sql.transactionalDdl()) {
        inOneTransaction();
      } else {
        stepByStep();
        checkForeignKeys();
        c.rollback();
      }
      for (ChangeManifest.Entry e : checks) {
        manifest.remove(c, e);
      }
      checks.clear();
      // the family's counts, once: values mapped, and rows rewritten
      RunEvent.Counts counts = new RunEvent.Counts(mapped, mapped, rewritten, 0);
      ctx.events()
          .on(
              new RunEvent.BatchCommitted(
                  step.id(),
                  step.root().table().ref().toString(),
                  counts,
                  counts,
                  mapped,
                  List.of(),
                  false));
    } catch (RuntimeException | SQLException e) {
      putBack(e);
      throw e;
    }
    dropMap();
    return RunStatus.FINISHED;
  }

  private void inOneTransaction() throws SQLException {
    HaltPoints.reach(HaltPoints.AFTER_MANIFEST);
    try (Statement st = c.createStatement()) {
      for (KeyConstraint k : family.dropOrder()) {
        st.execute(sql.drop(k));
      }
      boolean first = true;
      for (Map.Entry<TableRef, List<String>> t : family.columns().entrySet()) {
        stopIfAsked();
        int n = st.executeUpdate(sql.rewrite(t.getKey(), t.getValue(), map, null));
        rewritten += n;
        note("rewrote " + n + " rows of " + t.getKey());
        if (first) {
          HaltPoints.reach(HaltPoints.AFTER_FIRST_REWRITE);
          first = false;
        }
      }
      resetSequences(st);
      st.execute(finishedMarker());
      HaltPoints.reach(HaltPoints.BEFORE_RECREATE);
      List<KeyConstraint> back = new ArrayList<>(family.dropOrder());
      java.util.Collections.reverse(back);
      for (KeyConstraint k : back) {
        for (String s : d.splitScript(sql.recreate(k))) {
          st.execute(s);
        }
      }
      checkForeignKeys();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
    for (ChangeManifest.Entry e : constraints) {
      manifest.remove(c, e);
    }
    constraints.clear();
  }

  private void stepByStep() throws SQLException {
    HaltPoints.reach(HaltPoints.AFTER_MANIFEST);
    try (Statement st = c.createStatement()) {
      for (KeyConstraint k : family.dropOrder()) {
        try {
          st.execute(sql.drop(k));
        } catch (SQLException e) {
          if (k.kind() != KeyConstraint.Kind.INDEX || !sql.indexInUse(e)) {
            throw e;
          }
          // re-creating it later is a no-op: the rewrite maintains it instead
          note("kept index " + k.objectName() + ": another foreign key needs it");
        }
        c.commit();
      }
    }
    for (Map.Entry<TableRef, List<String>> t : family.columns().entrySet()) {
      ChangeManifest.Entry e =
          entry(ChangeManifest.KEY_REWRITE, t.getKey() + " from " + map.replace("\"", ""));
      String script =
          sql.rewrite(t.getKey(), t.getValue(), map, manifest.recorded(e))
              + ";\n"
              + finishedMarker()
              + ";\n"
              + manifest.forget(e);
      rewrites.add(add(e.withRestore(script)));
    }
    boolean first = true;
    for (int i = 0; i < rewrites.size(); i++) {
      stopIfAsked();
      TableRef t = new ArrayList<>(family.columns().keySet()).get(i);
      long n = RestoreScript.run(c, d, rewrites.get(i)).get(0);
      rewritten += n;
      note("rewrote " + n + " rows of " + t);
      if (first) {
        HaltPoints.reach(HaltPoints.AFTER_FIRST_REWRITE);
        first = false;
      }
    }
    HaltPoints.reach(HaltPoints.BEFORE_RECREATE);
    try (Statement st = c.createStatement()) {
      resetSequences(st);
      c.commit();
    }
    restoreConstraints();
  }

  /** Re-creates the dropped constraints, newest first (unique keys before the foreign keys). */
  private void restoreConstraints() throws SQLException {
    for (int i = constraints.size() - 1; i >= 0; i--) {
      RestoreScript.run(c, d, constraints.get(i));
      manifest.remove(c, constraints.get(i));
    }
    constraints.clear();
  }

  /** The anti-join of every foreign key of the family, inside the current transaction. */
  private void checkForeignKeys() throws SQLException {
    for (ChangeManifest.Entry e : checks) {
      long orphans;
      try (Statement st = c.createStatement();
          java.sql.ResultSet rs = st.executeQuery(e.restore())) {
        rs.next();
        orphans = rs.getLong(1);
      }
      if (orphans != 0) {
        throw new TaskFailure(
            e.objectName()
                + " - "
                + orphans
                + " rows reference no parent after the key rewrite of "
                + step.root()
                + "; the run stops",
            null);
      }
    }
    note("checked " + checks.size() + " foreign keys: every row has its parent");
  }

  /**
   * After a failure or a stop: tables already rewritten get their original keys back from the
   * mapping, the constraints come back, the mapping goes. Whatever cannot be put back stays in the
   * manifest for {@code guise runs repair}.
   */
  private void putBack(Exception cause) {
    try {
      c.rollback();
      List<TableRef> tables = new ArrayList<>(family.columns().keySet());
      List<ChangeManifest.Entry> pending = manifest.ofRun(c, run.runId());
      for (int i = 0; i < rewrites.size(); i++) {
        ChangeManifest.Entry e = rewrites.get(i);
        boolean done = pending.stream().noneMatch(p -> same(p, e));
        if (done) {
          try (Statement st = c.createStatement()) {
            TableRef t = tables.get(i);
            st.executeUpdate(sql.unrewrite(t, family.columns().get(t), map));
            c.commit();
          }
        } else {
          manifest.remove(c, e);
        }
      }
      restoreConstraints();
      for (ChangeManifest.Entry e : checks) {
        manifest.remove(c, e);
      }
      dropMap();
      note("put " + step.root() + " and the columns that follow it back as they were");
    } catch (SQLException | RuntimeException second) {
      cause.addSuppressed(second);
      ctx.events()
          .on(
              new RunEvent.Warning(
                  step.id(),
                  step.root()
                      + " - the key family could not be put back ("
                      + dev.guise.db.Redact.sqlError(
                          second instanceof SQLException s ? s : new SQLException(second))
                      + "); run 'guise runs repair "
                      + run.runId()
                      + "'"));
    }
  }

  private static boolean same(ChangeManifest.Entry a, ChangeManifest.Entry b) {
    return a.kind().equals(b.kind()) && a.objectName().equals(b.objectName());
  }

  private void dropMap() throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + map);
      c.commit();
    }
    manifest.remove(c, mapEntry);
  }

  private void resetSequences(Statement st) throws SQLException {
    for (KeyRewriteStep.KeyColumn k : step.columns()) {
      for (String s : sql.sequenceResets(c, k.table().ref(), k.column())) {
        st.execute(s);
      }
    }
  }

  /** Marks the task done in the progress table, in the transaction that applies the mapping. */
  private String finishedMarker() {
    return run.table().statusStatement(run.runId(), step.id(), RunStatus.FINISHED.json());
  }

  private void stopIfAsked() {
    if (ctx.cancellation().stopping()) {
      throw new KeyRewriteRunner.Stopped();
    }
  }

  private ChangeManifest.Entry record(String kind, String object, String restore)
      throws SQLException {
    return add(entry(kind, object).withRestore(restore));
  }

  private ChangeManifest.Entry entry(String kind, String object) {
    return new ChangeManifest.Entry(
        run.runId(), kind, object, run.host(), run.pid(), ctx.clock().instant().toString());
  }

  private ChangeManifest.Entry add(ChangeManifest.Entry e) throws SQLException {
    manifest.add(c, e);
    return e;
  }

  private void note(String message) {
    ctx.events().on(new RunEvent.Note(step.id(), message));
  }
}
