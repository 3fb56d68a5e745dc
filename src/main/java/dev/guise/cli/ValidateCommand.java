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
      "Checks a ruleset and reports every problem with its file:line:col. With -c it also checks tables, columns, keys and output types against the live schema (read-only). With --source and --target it checks a source → target run as the run would before writing: the ruleset against the source, and the target's tables, columns, types, foreign-key order and emptiness (both only read); with folder connections, a file run's folders. Exit 0 when valid, 3 on errors, 7 on warnings with --strict."
    },
    footer = {
      "%nExamples:",
      "  guise validate ruleset.yml",
      "  guise validate ruleset.yml -c staging --strict --format json",
      "  guise validate ruleset.yml --source prod --target staging --target-mode truncate",
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

  @Mixin TransferOptions transfer;

  @Option(names = "--strict", description = "Treat warnings as failures (exit 7).")
  boolean strict;

  /** What the ruleset was checked against, in words; null for the ruleset alone. */
  private String against() {
    if (transfer.source != null) {
      return "source '" + transfer.source + "' and target '" + transfer.target + "'";
    }
    return connection == null ? null : "connection '" + connection + "'";
  }

  ValidateCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Workspace ws = new Workspace(env);
    CheckResult checked =
        ws.service(spec.commandLine().getErr())
            .validate(ws.check(ruleset, connections, connection, transfer));
    List<Diagnostic> all = checked.diagnostics();
    boolean errors = checked.hasErrors();
    boolean warnings = checked.hasWarnings();
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("valid", !errors);
      doc.put("ruleset", ruleset.toString());
      // the connection checked against, as before; a transfer's source is that connection
      doc.put("checked_against", transfer.source != null ? transfer.source : connection);
      if (transfer.target != null) {
        doc.put("target", transfer.target);
      }
      doc.put("diagnostics", Workspace.json(all));
      Workspace.printJson(doc, out);
    } else {
      Workspace.print(all, spec.commandLine().getErr());
      if (!errors) {
        out.println(
            ruleset
                + " is valid"
                + (against() == null ? "" : " against " + against())
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
