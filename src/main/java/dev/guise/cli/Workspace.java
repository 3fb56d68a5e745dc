package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionsFile;
import dev.guise.mask.MaskRegistry;
import dev.guise.mask.seed.SeedCatalog;
import dev.guise.plan.RulesetLoader;
import dev.guise.runlog.Json;
import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Location;
import dev.guise.yaml.Severity;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loading and reporting shared by the commands: connections, rulesets, diagnostics. */
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

  /** The named connection, or exit 3 listing every problem with the file. */
  ConnectionConfig connection(ConnectionOptions options, String name, List<Diagnostic> out) {
    Path file = connectionsFile(options);
    ConnectionsFile.Result r = connections(options);
    ConnectionConfig c = r.connections().get(name);
    List<Diagnostic> relevant = new ArrayList<>(r.diagnostics().list());
    if (c == null && relevant.stream().noneMatch(Diagnostic::isError)) {
      relevant.add(
          Diagnostic.error(
              "unknown-connection",
              Location.of(file.toString()),
              "no connection named '"
                  + name
                  + "'"
                  + (r.connections().isEmpty()
                      ? ""
                      : "; defined: " + String.join(", ", r.connections().keySet()))));
    }
    out.addAll(relevant);
    return relevant.stream().anyMatch(Diagnostic::isError) ? null : c;
  }

  RulesetLoader.Result ruleset(RulesetOptions options) {
    Path file = options.ruleset;
    SeedCatalog seeds =
        options.seedsDir == null
            ? SeedCatalog.builtIn()
            : new SeedCatalog(env.workingDir().resolve(options.seedsDir));
    return new RulesetLoader(MaskRegistry.standard(), seeds)
        .load(env.workingDir().resolve(file), file.toString());
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
