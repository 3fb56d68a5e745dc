package dev.guise.run;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ChangeManifest;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ProgressTable;
import dev.guise.db.Redact;
import dev.guise.exec.Checkpoints;
import dev.guise.exec.RunLiveness;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.Step;
import dev.guise.yaml.Diagnostic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The run's side of the progress table: created when missing, and the run's identity in it. */
final class RunProgress {
  private RunProgress() {}

  /** This machine's name as records and progress rows give it. */
  static String host() {
    return RunLiveness.thisHost();
  }

  static long pid() {
    return ProcessHandle.current().pid();
  }

  static ProgressTable table(ConnectionPool pool) {
    return new ProgressTable(pool.dialect(), pool.config().guiseSchema());
  }

  static ChangeManifest manifest(ConnectionPool pool) {
    return new ChangeManifest(pool.dialect(), pool.config().guiseSchema());
  }

  /**
   * Creates the progress table when missing and returns the run's checkpoints.
   *
   * @param chain the runs this one continues, nearest first ({@link RunChain#ids}); a task's row is
   *     the nearest run's that has one, so a run killed before it reached a task leaves that task
   *     where the run before it left it
   */
  static Checkpoints prepare(ConnectionPool pool, String runId, List<String> chain) {
    ProgressTable table = table(pool);
    String from = chain.isEmpty() ? null : chain.get(0);
    Map<String, ProgressTable.Row> rows = new HashMap<>();
    try (Connection c = pool.connection()) {
      table.ensure(c);
      manifest(pool).ensure(c);
      for (String run : chain) {
        table.ofRun(c, run).forEach(r -> rows.putIfAbsent(r.taskId(), r));
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          pool.config().name()
              + " - cannot create Guise's progress and manifest tables in "
              + pool.config().guiseSchema()
              + ": "
              + Redact.sqlError(e)
              + "; grant CREATE on the database, or set guise_schema to a schema the user owns",
          e);
    }
    return new Checkpoints(table, runId, host(), pid(), from, rows, null, manifest(pool));
  }

  /**
   * Finishes the key families a dead run left (as {@code guise runs repair} would), so that the
   * resumed run plans against the constraints as they were.
   *
   * @return what was done, one line each
   */
  static List<String> finishKeyFamilies(ConnectionPool pool, List<String> chain) {
    List<String> done = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      done.addAll(finishKeyFamilies(pool, chain.get(i)));
    }
    return done;
  }

  private static List<String> finishKeyFamilies(ConnectionPool pool, String runId) {
    dev.guise.exec.HaltPoints.reach(dev.guise.exec.HaltPoints.BEFORE_FINISHING);
    try (Connection c = pool.connection();
        dev.guise.db.TableLocks locks =
            pool.dialect().tableLocks(pool::dedicatedConnection, pool.config().guiseSchema())) {
      // a live run's family is its own business: only a dead run's is finished here
      if (!locks.tryLock(dev.guise.db.LockNames.run(runId))) {
        throw new GuiseException(
            ErrorCode.LOCKED,
            "run "
                + runId
                + " - holds its lock in "
                + pool.config().name()
                + ": it is alive; let it end before resuming it",
            null);
      }
      table(pool).ensure(c);
      ChangeManifest m = manifest(pool);
      m.ensure(c);
      return m.undoRun(c, runId, e -> ChangeManifest.KEY_KINDS.contains(e.kind())).stream()
          .map(line -> "run " + runId + ": " + line)
          .toList();
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          pool.config().name()
              + " - cannot finish the key rewrite that run "
              + runId
              + " left: "
              + Redact.sqlError(e)
              + "; fix the cause and run 'guise runs repair "
              + runId
              + "'",
          e);
    }
  }

  /** Errors for the tables of the plan that a finished run already masked. */
  static List<Diagnostic> alreadyMasked(
      ConnectionPool pool, ProgressTable table, Step plan, dev.guise.exec.Shard shard) {
    List<Diagnostic> out = new ArrayList<>();
    try (Connection c = pool.connection()) {
      for (String t : maskedTables(plan, new ArrayList<>())) {
        // another shard of this set masked other key ranges of the table, not this shard's
        List<ProgressTable.Row> done =
            table.finishedOn(c, t).stream()
                .filter(r -> !ShardCheck.siblingOf(r.taskId(), shard))
                .toList();
        if (!done.isEmpty()) {
          ProgressTable.Row last = done.get(done.size() - 1);
          out.add(
              Diagnostic.error(
                  "already-masked",
                  t,
                  "already masked by run "
                      + last.runId()
                      + " (finished "
                      + last.updated()
                      + " on "
                      + last.host()
                      + "); masking it again would mask masked values. Pass --remask to do it"
                      + " anyway, or --resume a run that did not finish"));
        }
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          pool.config().name() + " - cannot read " + table.qualified() + ": " + Redact.sqlError(e),
          e);
    }
    return out;
  }

  private static List<String> maskedTables(Step step, List<String> out) {
    if (step instanceof MaskTableStep m) {
      out.add(m.table().ref().toString());
    }
    if (step instanceof dev.guise.plan.KeyRewriteStep k) {
      out.add(k.root().table().ref().toString());
    }
    step.children().forEach(c -> maskedTables(c, out));
    return out;
  }
}
