package dev.guise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.runlog.AuditEvent;
import dev.guise.runlog.AuditSubject;
import dev.guise.runlog.CancelRequest;
import dev.guise.runlog.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guise runs cancel}: stops a run of another process as Ctrl-C would. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Cancels a run started elsewhere (cron, another terminal) as gracefully as Ctrl-C: the run finishes or rolls back the batch in flight, ends 'cancelled', and its record says exactly what was written.",
      "",
      "Writes a cancel request into the run's folder, which the running process checks several times a second, then waits until the record says cancelled. Exit 0 once cancelled (or at once with --wait 0); 2 for an unknown id or a run that has already ended; 5 when the run did not end cancelled within --wait."
    },
    footer = {
      "%nExamples:",
      "  guise runs cancel 20261125T101500-1a2b3c",
      "  guise runs cancel 20261125T1015 --wait 300",
      "  guise runs cancel 20261125T1015 --wait 0     # ask, do not wait"
    })
final class RunsCancelCommand implements Callable<Integer> {
  /** Statuses of a run that can still stop. */
  private static final Set<String> LIVE = Set.of("queued", "validating", "running", "cancelling");

  private final CliEnvironment env;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RUN_ID", description = "Run id (a unique prefix is enough).")
  String id;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Wait at most SECONDS for the run to end cancelled (0: only ask). Default: ${DEFAULT-VALUE}.")
  int waitSeconds;

  @Mixin RunsDirOption runs;

  RunsCancelCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (waitSeconds < 0) {
      throw new GuiseException(ErrorCode.USAGE, "--wait must not be negative");
    }
    RunStore store = runs.store(env);
    Path folder = store.folder(id);
    String runId = folder.getFileName().toString();
    JsonNode rec = store.show(runId);
    String status = rec.path("status").asText();
    if (!LIVE.contains(status)) {
      throw new GuiseException(
          ErrorCode.USAGE,
          "run " + runId + " - is " + status + ", not running; there is nothing to cancel");
    }
    PrintWriter err = spec.commandLine().getErr();
    String by = System.getProperty("user.name") + " (pid " + ProcessHandle.current().pid() + ")";
    new Workspace(env)
        .audit(err)
        .append(
            AuditEvent.CANCEL_REQUESTED,
            "requested",
            new AuditSubject(
                "runs cancel",
                rec.path("connection").path("name").asText(null),
                rec.path("ruleset").path("path").asText(null),
                rec.path("ruleset").path("sha256").asText(null),
                runId),
            null);
    // audited first, so the line always comes before the run's own run_cancelled
    CancelRequest.write(folder, env.clock().instant(), by);
    String ended = waitSeconds == 0 ? null : awaitEnd(store, runId);
    return report(runId, ended);
  }

  /** Polls the record another process rewrites; the final status, or null when time ran out. */
  private String awaitEnd(RunStore store, String runId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    while (true) {
      String s = store.show(runId).path("status").asText();
      if (!LIVE.contains(s)) {
        return s;
      }
      if (System.nanoTime() - deadline >= 0) {
        return null;
      }
      Thread.sleep(200);
    }
  }

  private int report(String runId, String ended) {
    PrintWriter out = spec.commandLine().getOut();
    boolean cancelled = "cancelled".equals(ended);
    String message =
        waitSeconds == 0
            ? "cancel requested for run " + runId + "; 'guise runs show " + runId + "' follows it"
            : cancelled
                ? "run "
                    + runId
                    + " cancelled; 'guise runs show "
                    + runId
                    + "' says what was written"
                : ended != null
                    ? "run " + runId + " - ended " + ended + " before the cancel took effect"
                    : "run "
                        + runId
                        + " - not cancelled within "
                        + waitSeconds
                        + " s; the request stands: wait longer with --wait, or check that the"
                        + " process still runs ('guise runs show "
                        + runId
                        + "')";
    int code = waitSeconds == 0 || cancelled ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("run_id", runId);
      doc.put("status", ended == null ? "cancel_requested" : ended);
      doc.put("message", message);
      Workspace.printJson(doc, out);
    } else if (code == ExitCodes.OK) {
      out.println(message);
      out.flush();
    } else {
      spec.commandLine().getErr().println("error: " + message);
      spec.commandLine().getErr().flush();
    }
    return code;
  }
}
