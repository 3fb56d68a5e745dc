package dev.guise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.runlog.DeadRuns;
import dev.guise.runlog.RunStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guise runs list|show|log}. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists past runs, shows their records and logs, and cancels a live one.",
      "",
      "A run whose record says running (or cancelling, queued) but whose process on this host is gone is shown as 'interrupted', with where each task stopped; 'guise run --resume ID' continues it and 'guise runs repair ID' drops what it left in the database."
    },
    subcommands = {
      RunsCommand.ListRuns.class,
      RunsCommand.Show.class,
      RunsCommand.Log.class,
      RunsCancelCommand.class,
      RunsRepairCommand.class,
      RunsReportCommand.class
    },
    footer = {
      "%nExamples:",
      "  guise runs list --status failed",
      "  guise runs show 20261125T101500-1a2b3c",
      "  guise runs log 20261125T101500 --follow",
      "  guise runs cancel 20261125T101500-1a2b3c --wait 120",
      "  guise runs repair 20261125T101500-1a2b3c"
    })
final class RunsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code guise runs list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists runs, newest first.",
      footer = {"%nExample:", "  guise runs list --status finished --limit 5"})
  static final class ListRuns implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(
        names = "--status",
        paramLabel = "S",
        description = "Only runs with this status (e.g. finished, failed, cancelled).")
    String status;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "20",
        description = "At most N runs. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Mixin RunsDirOption runs;

    ListRuns(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      List<JsonNode> found = new ArrayList<>();
      RunStore store = runs.store(env);
      warnDead(store, spec.commandLine().getErr(), env, "runs list");
      for (JsonNode listed : store.list()) {
        JsonNode r = DeadRuns.seen(listed);
        if (status == null || status.equalsIgnoreCase(r.path("status").asText())) {
          found.add(r);
        }
        if (found.size() >= limit) {
          break;
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json()) {
        Workspace.printJson(found.stream().map(RunsCommand::summary).toList(), out);
        return ExitCodes.OK;
      }
      if (found.isEmpty()) {
        out.println("No runs yet.");
      }
      for (JsonNode r : found) {
        out.printf(
            "%-23s %-22s %-7s %-24s %10s rows  %s%n",
            r.path("id").asText(),
            r.path("status").asText(),
            dryRun(r) ? "dry-run" : "",
            r.path("connection").path("name").asText(""),
            r.path("rows_masked").asLong(),
            r.path("name").isMissingNode() || r.path("name").isNull()
                ? r.path("ruleset").path("path").asText()
                : r.path("name").asText());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Also for records written before {@code dry_run} was a top-level field. */
  private static boolean dryRun(JsonNode r) {
    return r.path("dry_run").asBoolean(r.path("options").path("dry_run").asBoolean());
  }

  /**
   * Names on stderr every run whose process died while its record says running, and writes each to
   * the audit log the first time any command finds it.
   *
   * @param command the command finding them, for the audit log
   */
  static void warnDead(RunStore store, PrintWriter err, CliEnvironment env, String command) {
    for (String line : DeadRuns.warnings(store)) {
      err.println(line);
    }
    err.flush();
    DeadRuns.audit(store, new Workspace(env).audit(err), command);
  }

  private static JsonNode summary(JsonNode r) {
    com.fasterxml.jackson.databind.node.ObjectNode o =
        dev.guise.runlog.Json.MAPPER.createObjectNode();
    for (String f :
        new String[] {
          "id",
          "name",
          "status",
          "dry_run",
          "guise_version",
          "connection",
          "ruleset",
          "created_time",
          "end_time",
          "rows_masked",
          "rows_updated",
          "recorded_status"
        }) {
      if (r.has(f)) {
        o.set(f, r.get(f));
      }
    }
    return o;
  }

  /** {@code guise runs show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows a run record (run.json).",
      footer = {"%nExample:", "  guise runs show 20261125T101500-1a2b3c --format json"})
  static final class Show implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "RUN_ID", description = "Run id (a unique prefix is enough).")
    String id;

    @Mixin RunsDirOption runs;

    Show(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RunStore store = runs.store(env);
      warnDead(store, spec.commandLine().getErr(), env, "runs show");
      JsonNode r = DeadRuns.seen(store.show(id));
      PrintWriter out = spec.commandLine().getOut();
      if (common.json()) {
        Workspace.printJson(r, out);
        return ExitCodes.OK;
      }
      out.println(
          "Run "
              + r.path("id").asText()
              + (r.path("name").isTextual() ? " (" + r.path("name").asText() + ")" : ""));
      out.println(
          "  status:     "
              + r.path("status").asText()
              + (dryRun(r) ? " (dry run: nothing was written)" : ""));
      if (r.path("options").path("description").isTextual()) {
        out.println("  about:      " + r.path("options").path("description").asText());
      }
      out.println("  guise:      " + r.path("guise_version").asText("unknown"));
      out.println("  ruleset:    " + r.path("ruleset").path("path").asText());
      out.println(
          "  connection: "
              + r.path("connection").path("name").asText()
              + " "
              + r.path("connection").path("url").asText());
      out.println(
          "  started:    "
              + r.path("start_time").asText("-")
              + "  ended: "
              + r.path("end_time").asText("-"));
      out.println(
          "  rows:       "
              + r.path("rows_masked").asLong()
              + " masked, "
              + r.path("rows_updated").asLong()
              + " updated of "
              + r.path("rows_total").asLong());
      if (r.hasNonNull("error")) {
        out.println("  error:      " + r.path("error").asText());
      }
      if (r.path("status").asText().equals("interrupted")) {
        String rid = r.path("id").asText();
        out.println(
            "  stopped:    its record said "
                + r.path("recorded_status").asText()
                + "; process "
                + r.path("options").path("pid").asLong()
                + " on "
                + r.path("options").path("host").asText()
                + " is gone. Each task below stopped at its last committed batch.");
        out.println("  resume:     guise run --resume " + rid + " (with the same run secret)");
        out.println("  repair:     guise runs repair " + rid + " (drops what it left)");
      }
      printTasks(r.path("tasks"), "  ", out);
      for (JsonNode rep : r.path("reports")) {
        out.println(
            "  report:     "
                + rep.path("file").asText()
                + " (guise runs report "
                + r.path("id").asText()
                + " --kind "
                + rep.path("kind").asText()
                + ")");
      }
      out.flush();
      return ExitCodes.OK;
    }

    private static void printTasks(JsonNode tasks, String indent, PrintWriter out) {
      for (JsonNode t : tasks) {
        out.println(
            indent
                + "- ["
                + t.path("id").asText()
                + "] "
                + t.path("type").asText()
                + (t.hasNonNull("target") ? " " + t.path("target").asText() : "")
                + ": "
                + t.path("status").asText()
                + (t.path("type").asText().equals("mask_table")
                    ? " ("
                        + t.path("rows_read").asLong()
                        + " read, "
                        + t.path("rows_updated").asLong()
                        + " updated, "
                        + t.path("batches_committed").asLong()
                        + " batches"
                        + (t.hasNonNull("last_key") ? ", last key " + t.path("last_key") : "")
                        + ")"
                    : "")
                + (t.hasNonNull("error") ? " - " + t.path("error").asText() : ""));
        JsonNode v = t.path("value_errors");
        if (v.isObject()) {
          out.println(
              indent
                  + "  "
                  + v.path("count").asLong()
                  + " values not masked (--on-value-error "
                  + v.path("policy").asText()
                  + ")");
          for (JsonNode c : v.path("columns")) {
            out.println(
                indent
                    + "    "
                    + c.path("column").asText()
                    + ": "
                    + c.path("count").asLong()
                    + ", first rows with key "
                    + String.join(
                        ", ",
                        java.util.stream.StreamSupport.stream(
                                c.path("sample_keys").spliterator(), false)
                            .map(JsonNode::asText)
                            .toList())
                    + " - "
                    + c.path("reason").asText());
          }
        }
        printTasks(t.path("tasks"), indent + "  ", out);
      }
    }
  }

  /** {@code guise runs log}. */
  @Command(
      name = "log",
      mixinStandardHelpOptions = true,
      description = "Prints a run's log (log.jsonl).",
      footer = {"%nExample:", "  guise runs log 20261125T101500 --follow"})
  static final class Log implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "RUN_ID", description = "Run id (a unique prefix is enough).")
    String id;

    @Option(
        names = {"-f", "--follow"},
        description = "Keep printing new lines until the run ends.")
    boolean follow;

    @Mixin RunsDirOption runs;

    Log(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
      RunStore store = runs.store(env);
      Path folder = store.folder(id);
      Path log = folder.resolve(RunStore.LOG);
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.exists(log)) {
        out.println("(no log yet)");
        out.flush();
        return ExitCodes.OK;
      }
      try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
        while (true) {
          String line = r.readLine();
          if (line != null) {
            out.println(common.json() ? line : render(line));
            out.flush();
            continue;
          }
          if (!follow || runEnded(store, folder)) {
            break;
          }
          Thread.sleep(500); // polling a file another process appends to
        }
      }
      return ExitCodes.OK;
    }

    private static boolean runEnded(RunStore store, Path folder) {
      String s = store.show(folder.getFileName().toString()).path("status").asText();
      return s.equals("finished")
          || s.equals("finished_with_warnings")
          || s.equals("failed")
          || s.equals("cancelled")
          || s.equals("interrupted")
          || DeadRuns.isDead(store.show(folder.getFileName().toString()));
    }

    private static String render(String line) {
      try {
        JsonNode n = dev.guise.runlog.Json.MAPPER.readTree(line);
        int level = n.path("log_level").asInt();
        String lv =
            level >= 50
                ? "FATAL"
                : level >= 40 ? "ERROR" : level >= 30 ? "WARN " : level >= 20 ? "INFO " : "DEBUG";
        String task = n.hasNonNull("task") ? " [" + n.path("task").asText() + "]" : "";
        return n.path("timestamp").asText() + " " + lv + task + " " + n.path("message").asText();
      } catch (IOException e) {
        return line;
      }
    }
  }
}
