package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ChangeManifest;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ConnectionsFile;
import dev.guise.db.LockNames;
import dev.guise.db.Redact;
import dev.guise.db.TableLocks;
import dev.guise.exec.RunLiveness;
import dev.guise.runlog.DeadRuns;
import dev.guise.runlog.RunStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code guise runs repair}: undoes what an interrupted run left in the database (the change
 * manifest's entries: temporary tables, triggers switched off) and marks its record interrupted. A
 * run that is alive (its process on this host, or its run lock held from anywhere) is refused.
 */
public final class RunRepair {
  private final Function<String, String> environment;

  /**
   * @param environment for the connections file's substitutions
   */
  public RunRepair(Function<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Repairs one run.
   *
   * @return what was done, one line each
   * @throws GuiseException {@link ErrorCode#LOCKED} when the run is alive
   */
  public List<String> repair(RunStore store, String runId) {
    JsonNode rec = store.show(runId);
    String id = rec.path("id").asText();
    String host = rec.path("options").path("host").asText(null);
    long pid = rec.path("options").path("pid").asLong(0);
    boolean recordedAlive = !rec.path("status").asText().isEmpty() && !finalStatus(rec);
    if (recordedAlive
        && RunLiveness.thisHost().equals(host)
        && !DeadRuns.isDead(rec)
        && pid != ProcessHandle.current().pid()) {
      throw new GuiseException(
          ErrorCode.LOCKED,
          "run "
              + id
              + " - still running (pid "
              + pid
              + " on "
              + host
              + "); cancel it (Ctrl-C, or 'guise runs cancel') or let it end",
          null);
    }
    ConnectionConfig config = connection(rec);
    List<String> done = new ArrayList<>();
    try (ConnectionPool pool = ConnectionPool.open(config, 2);
        TableLocks locks =
            pool.dialect().tableLocks(pool::dedicatedConnection, config.guiseSchema())) {
      if (!locks.tryLock(LockNames.run(id))) {
        throw new GuiseException(
            ErrorCode.LOCKED,
            "run "
                + id
                + " - holds its lock in "
                + config.name()
                + ": it is alive (on "
                + host
                + "); let it end first",
            null);
      }
      undo(pool, id, done);
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          config.name() + " - cannot repair run " + id + ": " + Redact.sqlError(e),
          e);
    }
    if (recordedAlive) {
      store.markInterrupted(id);
      done.add(
          "marked run "
              + id
              + " interrupted (its record said "
              + rec.path("status").asText()
              + ")");
    }
    if (done.isEmpty()) {
      done.add("run " + id + " - left nothing to repair");
    }
    return done;
  }

  private static void undo(ConnectionPool pool, String id, List<String> done) throws SQLException {
    ChangeManifest manifest = RunProgress.manifest(pool);
    try (Connection c = pool.connection()) {
      RunProgress.table(pool).ensure(c);
      manifest.ensure(c);
      done.addAll(manifest.undoRun(c, id));
    }
  }

  private static boolean finalStatus(JsonNode rec) {
    String s = rec.path("status").asText();
    return !(s.equals("running")
        || s.equals("cancelling")
        || s.equals("queued")
        || s.equals("validating"));
  }

  private ConnectionConfig connection(JsonNode rec) {
    String file = rec.path("connection").path("file").asText(null);
    String name = rec.path("connection").path("name").asText();
    if (file == null) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          "run "
              + rec.path("id").asText()
              + " - its record does not say which connections file it used (an older Guise)");
    }
    ConnectionConfig c = ConnectionsFile.load(Path.of(file), environment).connections().get(name);
    if (c == null) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          file
              + " - no connection named '"
              + name
              + "' (the run "
              + rec.path("id").asText()
              + " used it); restore it to repair the run");
    }
    return c;
  }
}
