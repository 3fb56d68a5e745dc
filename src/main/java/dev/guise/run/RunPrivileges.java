package dev.guise.run;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Dialect;
import dev.guise.db.Privilege;
import dev.guise.db.Redact;
import dev.guise.ruleset.BuildTempTableTask;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.RunSqlTask;
import dev.guise.ruleset.TableJoin;
import dev.guise.ruleset.Task;
import dev.guise.ruleset.TruncateTableTask;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import dev.guise.yaml.Diagnostic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a ruleset's run will need of a connection, checked before the run (read-only): SELECT and
 * UPDATE on each masked table, SELECT on joined ones, TRUNCATE for truncate_table, CREATE in the
 * schema for build_temp_table, the engine's staging tables, bulk load and locks, and (with {@code
 * auto_manage_triggers}) that each trigger of a masked table can be switched off and brought back.
 */
public final class RunPrivileges {
  private RunPrivileges() {}

  /**
   * @param user the database user the connection logs in as
   * @param privileges each need and whether it is met, tables first
   */
  public record Result(List<Diagnostic> diagnostics, String user, List<Privilege> privileges) {
    public boolean invalid() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public boolean missing() {
      return privileges.stream().anyMatch(p -> p.status() == Privilege.Status.MISSING);
    }
  }

  /** Checks {@code request}'s ruleset against its connection, which must be named. */
  public static Result check(RunService service, CheckRequest request) {
    CheckResult parsed =
        service.plan(new CheckRequest(request.ruleset(), request.connectionsFile(), null));
    List<Diagnostic> problems = new ArrayList<>(parsed.diagnostics());
    ConnectionConfig config =
        service.connection(request.connectionsFile(), request.connection(), problems);
    if (parsed.ruleset() == null
        || config == null
        || problems.stream().anyMatch(Diagnostic::isError)) {
      return new Result(problems, null, List.of());
    }
    Needs needs = new Needs();
    parsed.ruleset().tasks().forEach(needs::add);
    needs.manageTriggers = parsed.ruleset().autoManageTriggers();
    try (ConnectionPool pool = ConnectionPool.open(config, 1);
        Connection c = pool.connection()) {
      try {
        return new Result(problems, c.getMetaData().getUserName(), needs.check(c, config));
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          config.name() + " - cannot check privileges: " + Redact.sqlError(e),
          e);
    }
  }

  /** The tables and features the ruleset's tasks use. */
  private static final class Needs {
    final Map<String, Set<String>> tables = new LinkedHashMap<>();
    boolean createTable;
    boolean manageTriggers;
    int runSql;

    void add(Task t) {
      MaskTableTask m = t.asMaskTable();
      if (m != null) {
        table(m.table(), "SELECT", "UPDATE");
        for (TableJoin j : m.joins()) {
          table(j.targetTable(), "SELECT");
        }
      } else if (t instanceof TruncateTableTask tr) {
        table(tr.table(), "TRUNCATE");
      } else if (t instanceof BuildTempTableTask) {
        createTable = true;
      } else if (t instanceof RunSqlTask) {
        runSql++;
      }
      t.children().forEach(this::add);
    }

    private void table(String asWritten, String... privileges) {
      tables.computeIfAbsent(asWritten, k -> new LinkedHashSet<>()).addAll(List.of(privileges));
    }

    /** auto_manage_triggers: whether each trigger of a masked table can be switched off. */
    private static List<Privilege> triggers(Connection c, Dialect d, TableRef table)
        throws SQLException {
      return d.managedTriggers(c, table).stream()
          .map(
              t ->
                  new Privilege(
                      "switch trigger off",
                      t.objectName(),
                      t.refusal() == null ? Privilege.Status.GRANTED : Privilege.Status.MISSING,
                      t.refusal()))
          .toList();
    }

    List<Privilege> check(Connection c, ConnectionConfig config) throws SQLException {
      Dialect d = config.dialect();
      String user = c.getMetaData().getUserName();
      List<Privilege> out = new ArrayList<>();
      for (Map.Entry<String, Set<String>> e : tables.entrySet()) {
        Optional<TableInfo> info = d.describe(c, e.getKey(), config.schema());
        for (String p : e.getValue()) {
          if (info.isEmpty()) {
            out.add(
                new Privilege(
                    p,
                    e.getKey(),
                    Privilege.Status.MISSING,
                    "no such table, or " + user + " may not see it"));
          } else {
            if (manageTriggers && p.equals("UPDATE")) {
              out.addAll(triggers(c, d, info.get().ref()));
            }
            out.add(
                Privilege.of(
                    p,
                    info.get().ref().toString(),
                    d.hasTablePrivilege(c, info.get().ref(), p),
                    p.equals("TRUNCATE")
                        ? user + " lacks it (MariaDB and MySQL: the DROP privilege; H2: DELETE)"
                        : user
                            + " lacks it; GRANT "
                            + p
                            + " ON "
                            + info.get().ref()
                            + " TO "
                            + user));
          }
        }
      }
      if (createTable) {
        String schema = config.schema() == null ? "the connection's schema" : config.schema();
        out.add(
            Privilege.of(
                "CREATE TABLE",
                schema,
                d.mayCreateTable(c, config.schema()),
                "build_temp_table cannot create its table"));
      }
      out.addAll(d.sessionPrivileges(c));
      if (runSql > 0) {
        out.add(
            new Privilege(
                "run_sql",
                runSql + (runSql == 1 ? " task" : " tasks"),
                Privilege.Status.UNKNOWN,
                "not checked: their SQL runs as written"));
      }
      return out;
    }
  }
}
