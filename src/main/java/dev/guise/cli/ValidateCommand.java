package dev.guise.cli;

import dev.guise.run.CheckResult;
import dev.guise.yaml.Diagnostic;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code guise validate}: checks a ruleset, and against a live schema with {@code -c}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a ruleset and reports every problem with its file:line:col. With -c it also checks tables, columns, keys and output types against the live schema (read-only). Exit 0 when valid, 3 on errors, 7 on warnings with --strict."
    },
    footer = {
      "%nExamples:",
      "  guise validate ruleset.yml",
      "  guise validate ruleset.yml -c staging --strict --format json",
      ExitCodes.HELP
    })
final class ValidateCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connections;

  @Mixin RulesetOptions ruleset;

  @Option(
      names = {"-c", "--connection"},
      paramLabel = "NAME",
      description = "Also check against this connection's schema.")
  String connection;

  @Option(names = "--strict", description = "Treat warnings as failures (exit 7).")
  boolean strict;

  ValidateCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Workspace ws = new Workspace(env);
    CheckResult checked =
        ws.service(spec.commandLine().getErr())
            .validate(ws.check(ruleset, connections, connection));
    List<Diagnostic> all = checked.diagnostics();
    boolean errors = checked.hasErrors();
    boolean warnings = checked.hasWarnings();
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("valid", !errors);
      doc.put("ruleset", ruleset.toString());
      doc.put("checked_against", connection);
      doc.put("diagnostics", Workspace.json(all));
      Workspace.printJson(doc, out);
    } else {
      Workspace.print(all, spec.commandLine().getErr());
      if (!errors) {
        out.println(
            ruleset
                + " is valid"
                + (connection == null ? "" : " against connection '" + connection + "'")
                + (warnings ? " (with warnings)" : "")
                + ".");
        out.flush();
      }
    }
    return errors
        ? ExitCodes.INVALID
        : warnings && strict ? ExitCodes.STRICT_WARNINGS : ExitCodes.OK;
  }
}
