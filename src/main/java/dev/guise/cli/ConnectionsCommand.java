package dev.guise.cli;

import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ConnectionsFile;
import dev.guise.db.Privilege;
import dev.guise.run.CheckRequest;
import dev.guise.run.RulesetSource;
import dev.guise.run.RunPrivileges;
import dev.guise.yaml.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guise connections list|test}. */
@Command(
    name = "connections",
    mixinStandardHelpOptions = true,
    description = "Lists the connections of the connections file and tests one.",
    subcommands = {ConnectionsCommand.ListConnections.class, ConnectionsCommand.Test.class},
    footer = {
      "%nExamples:",
      "  guise connections list",
      "  guise connections test staging --connections ./connections.yml"
    })
final class ConnectionsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code guise connections list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists connections (URLs redacted, passwords never shown).",
      footer = {
        "%nExample:",
        "  guise connections list --connections examples/demo/connections.yml"
      })
  static final class ListConnections implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin ConnectionOptions connections;

    ListConnections(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Workspace ws = new Workspace(env);
      ConnectionsFile.Result r = ws.connections(connections);
      List<Diagnostic> ds = r.diagnostics().list();
      PrintWriter out = spec.commandLine().getOut();
      List<Map<String, Object>> list = new ArrayList<>();
      for (ConnectionConfig c : r.connections().values()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("db_type", c.dialect().name());
        m.put("url", c.redactedUrl());
        m.put("schema", c.schema());
        m.put("user", c.user());
        list.add(m);
      }
      for (dev.guise.db.FileConnection f : r.files().values()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("db_type", "file");
        m.put("url", f.path().toString());
        list.add(m);
      }
      boolean errors = ds.stream().anyMatch(Diagnostic::isError);
      if (common.json()) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", ws.connectionsFile(connections).toString());
        doc.put("connections", list);
        doc.put("diagnostics", Workspace.json(ds));
        Workspace.printJson(doc, out);
      } else {
        Workspace.print(ds, spec.commandLine().getErr());
        out.println(ws.connectionsFile(connections) + ":");
        for (Map<String, Object> m : list) {
          out.printf("  %-16s %-9s %s%n", m.get("name"), m.get("db_type"), m.get("url"));
        }
        out.flush();
      }
      return errors ? ExitCodes.INVALID : ExitCodes.OK;
    }
  }

  /** {@code guise connections test}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Connects and prints the server's product and version (exit 4 when it cannot).",
        "",
        "With --for RULESET it also checks, read-only, what a run of that ruleset will need and names what is missing: SELECT and UPDATE on each masked table (SELECT on joined ones), TRUNCATE for truncate_table, CREATE TABLE in the schema for build_temp_table, and per engine the staging tables, bulk load (MariaDB local_infile) and locks (PostgreSQL advisory locks, MariaDB GET_LOCK). Missing privileges exit 4; what the run can do without, more slowly, is shown as 'limited'."
      },
      footer = {
        "%nExamples:",
        "  guise connections test staging",
        "  guise connections test staging --for rulesets/customers.yml",
        "  guise connections test staging --for ruleset.yml --format json",
        ExitCodes.HELP
      })
  static final class Test implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin ConnectionOptions connections;

    @Parameters(paramLabel = "NAME", description = "Connection name.")
    String name;

    @Option(
        names = "--for",
        paramLabel = "RULESET",
        description = "Also check the privileges a run of RULESET needs.")
    Path forRuleset;

    Test(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws SQLException {
      List<Diagnostic> ds = new ArrayList<>();
      ConnectionConfig c = new Workspace(env).connection(connections, name, ds);
      if (c == null) {
        Workspace.print(ds, spec.commandLine().getErr());
        return ExitCodes.INVALID;
      }
      PrintWriter out = spec.commandLine().getOut();
      try (ConnectionPool pool = ConnectionPool.open(c, 1);
          Connection conn = pool.connection()) {
        DatabaseMetaData md = conn.getMetaData();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("ok", true);
        m.put("url", c.redactedUrl());
        m.put("product", md.getDatabaseProductName());
        m.put("version", md.getDatabaseProductVersion());
        conn.rollback();
        RunPrivileges.Result needs = forRuleset == null ? null : privileges(c);
        if (needs != null && needs.invalid()) {
          Workspace.print(needs.diagnostics(), spec.commandLine().getErr());
          return ExitCodes.INVALID;
        }
        if (needs != null) {
          m.put("user", needs.user());
          m.put("ruleset", forRuleset.toString());
          m.put("privileges", needs.privileges());
          m.put("missing", needs.missing());
        }
        if (common.json()) {
          Workspace.printJson(m, out);
        } else {
          out.println(
              "connection '"
                  + name
                  + "' OK: "
                  + m.get("product")
                  + " "
                  + m.get("version")
                  + " at "
                  + c.redactedUrl());
          out.flush();
          if (needs != null) {
            printPrivileges(needs, out);
          }
        }
        return needs != null && needs.missing() ? ExitCodes.DATABASE : ExitCodes.OK;
      } catch (GuiseException e) {
        if (common.json()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", name);
          m.put("ok", false);
          m.put("error", e.getMessage());
          Workspace.printJson(m, out);
          return ExitCodes.of(e.code());
        }
        throw e;
      }
    }

    private RunPrivileges.Result privileges(ConnectionConfig c) {
      Workspace ws = new Workspace(env);
      Path file = env.workingDir().resolve(forRuleset);
      return RunPrivileges.check(
          ws.service(),
          new CheckRequest(
              new RulesetSource(file, forRuleset.toString(), null),
              ws.connectionsFile(connections),
              name));
    }

    private void printPrivileges(RunPrivileges.Result r, PrintWriter out) {
      out.println("privileges of user '" + r.user() + "' for " + forRuleset + ":");
      long missing = 0;
      for (Privilege p : r.privileges()) {
        String status =
            switch (p.status()) {
              case GRANTED -> "ok";
              case MISSING -> "MISSING";
              case LIMITED -> "limited";
              case UNKNOWN -> "unknown";
            };
        missing += p.status() == Privilege.Status.MISSING ? 1 : 0;
        out.printf(
            "  %-8s %-24s %s%s%n",
            status, p.privilege(), p.on(), p.note() == null ? "" : " - " + p.note());
      }
      out.println(
          missing == 0
              ? "Nothing missing."
              : missing + " missing: the run would fail where it needs them.");
      out.flush();
    }
  }
}
