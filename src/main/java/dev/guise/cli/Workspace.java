package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionsFile;
import dev.guise.exec.TargetMode;
import dev.guise.run.CheckRequest;
import dev.guise.run.RulesetSource;
import dev.guise.run.RunService;
import dev.guise.runlog.AuditLog;
import dev.guise.runlog.Json;
import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Severity;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the commands share: options turned into the run service's plain requests, and diagnostics
 * and JSON printed in the house form.
 */
final class Workspace {
  private final CliEnvironment env;

  Workspace(CliEnvironment env) {
    this.env = env;
  }

  /** The connections file to use: the option, ./connections.yml, then $GUISE_HOME's. */
  Path connectionsFile(ConnectionOptions options) {
    if (options != null && options.connections != null) {
      return env.workingDir().resolve(options.connections);
    }
    Path local = env.workingDir().resolve("connections.yml");
    if (Files.exists(local)) {
      return local;
    }
    return env.guiseHome().resolve("connections.yml");
  }

  ConnectionsFile.Result connections(ConnectionOptions options) {
    return ConnectionsFile.load(connectionsFile(options), env::get);
  }

  /** The run service, fed from this process's environment. */
  RunService service() {
    return new RunService(env::get, env.clock(), env.guiseHome());
  }

  /** The run service, also writing to the audit log; its warnings go to {@code err}. */
  RunService service(PrintWriter err) {
    return service().audited(audit(err));
  }

  /**
   * {@code $GUISE_HOME/audit.jsonl}; a fixed file mode or a failed append is told on {@code err}.
   */
  AuditLog audit(PrintWriter err) {
    return AuditLog.in(
        env.guiseHome(),
        env.clock(),
        w -> {
          err.println("warning: " + w);
          err.flush();
        });
  }

  /** The named connection, or null with every problem of the file added to {@code out}. */
  ConnectionConfig connection(ConnectionOptions options, String name, List<Diagnostic> out) {
    return service().connection(connectionsFile(options), name, out);
  }

  /** The ruleset argument resolved against the working directory, named as the user typed it. */
  RulesetSource ruleset(RulesetOptions options) {
    return new RulesetSource(
        env.workingDir().resolve(options.ruleset),
        options.ruleset.toString(),
        options.seedsDir == null ? null : env.workingDir().resolve(options.seedsDir),
        options.librariesDir == null
            ? List.of()
            : List.of(env.workingDir().resolve(options.librariesDir)));
  }

  /** What validate and plan check: the ruleset, and the connection's schema when one is named. */
  CheckRequest check(RulesetOptions ruleset, ConnectionOptions connections, String connection) {
    return new CheckRequest(ruleset(ruleset), connectionsFile(connections), connection);
  }

  /** A check of an in-place run ({@code -c}) or, with {@code --source/--target}, of a transfer. */
  CheckRequest check(
      RulesetOptions ruleset,
      ConnectionOptions connections,
      String connection,
      TransferOptions transfer) {
    if (!transfer.given()) {
      return check(ruleset, connections, connection);
    }
    TargetMode mode = transfer.mode(connection);
    return new CheckRequest(
        ruleset(ruleset), connectionsFile(connections), transfer.source, transfer.target, mode);
  }

  /** Prints diagnostics in the house form, errors first. */
  static void print(List<Diagnostic> diagnostics, PrintWriter err) {
    for (Severity s : Severity.values()) {
      for (Diagnostic d : diagnostics) {
        if (d.severity() == s) {
          err.println(s.name().toLowerCase() + ": " + d);
        }
      }
    }
    err.flush();
  }

  static Map<String, Object> json(Diagnostic d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", d.severity().name().toLowerCase());
    m.put("code", d.code());
    m.put("subject", d.subject());
    m.put("message", d.message());
    return m;
  }

  static List<Map<String, Object>> json(List<Diagnostic> ds) {
    return ds.stream().map(Workspace::json).toList();
  }

  static void printJson(Object value, PrintWriter out) {
    try {
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
      out.flush();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GuiseException(ErrorCode.INTERNAL, "cannot render JSON: " + e.getMessage(), e);
    }
  }
}
