package dev.guise.cli;

import dev.guise.GuiseException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code guise}: the top-level command. */
@Command(
    name = "guise",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Masks sensitive data in databases, in place, from DataMasque-style YAML rulesets.",
      "",
      "Start with 'guise demo', then 'guise run RULESET -c CONNECTION --dry-run'."
    },
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      ValidateCommand.class,
      PlanCommand.class,
      DiscoverCommand.class,
      VerifyCommand.class,
      RunsCommand.class,
      MasksCommand.class,
      ConnectionsCommand.class,
      SeedsCommand.class,
      AuditCommand.class,
      SecretsCommand.class,
      KeysCommand.class,
      ReidentifyCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "%nExamples:",
      "  guise demo",
      "  GUISE_RUN_SECRET=... guise run rulesets/customers.yml -c staging --dry-run",
      "  guise validate ruleset.yml -c staging --strict",
      "  guise discover -c staging --ruleset ruleset.yml --fail-on-uncovered",
      "  guise verify RUN_ID -c staging",
      "  guise runs list",
      "  guise audit --since 7d",
      ExitCodes.HELP
    })
public final class GuiseCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line; tests call this with their own environment and writers. */
  public static CommandLine commandLine(CliEnvironment env) {
    CommandLine cl = new CommandLine(new GuiseCommand(), new Factory(env));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean verbose =
              parseResult.originalArgs().contains("-v")
                  || parseResult.originalArgs().contains("--verbose");
          PrintWriter err = commandLine.getErr();
          int code;
          String message;
          if (ex instanceof GuiseException g) {
            code = ExitCodes.of(g.code());
            message = g.getMessage();
            err.println("error: " + message);
            if (verbose && g.getCause() != null) {
              trace(g.getCause(), err);
            }
          } else {
            code = ExitCodes.INTERNAL;
            message = "internal error: " + ex + " (this is a bug; rerun with -v and report it)";
            err.println(message);
            if (verbose) {
              trace(ex, err);
            }
          }
          err.flush();
          List<String> args = parseResult.originalArgs();
          int f = args.indexOf("--format");
          if (args.contains("--format=json")
              || (f >= 0 && f + 1 < args.size() && args.get(f + 1).equals("json"))) {
            // --format json promises one JSON document on stdout, failures included
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("error", message);
            doc.put("exit_code", code);
            Workspace.printJson(doc, commandLine.getOut());
          }
          return code;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("error: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          err.flush();
          return ExitCodes.USAGE;
        });
    return cl;
  }

  /** The stack trace for -v, cause by cause, through the command's error writer. */
  private static void trace(Throwable t, PrintWriter err) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      err.println((c == t ? "" : "Caused by: ") + c);
      for (StackTraceElement e : c.getStackTrace()) {
        err.println("\tat " + e);
      }
    }
  }

  /** Gives commands that want it the {@link CliEnvironment}. */
  private record Factory(CliEnvironment env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(CliEnvironment.class);
        c.setAccessible(true);
        return c.newInstance(env);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
