package dev.guise.cli;

import dev.guise.exec.Cancellation;
import dev.guise.exec.RunEvent;
import dev.guise.run.RunObserver;
import dev.guise.run.RunRequest;
import dev.guise.run.RunResult;
import dev.guise.runlog.RunRecord;
import dev.guise.yaml.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One masking run from the command line: the service's run, its progress and its report. */
final class RunAction {
  private final CliEnvironment env;
  private final CommonOptions common;
  private final PrintWriter out;
  private final PrintWriter err;

  RunAction(CliEnvironment env, CommonOptions common, PrintWriter out, PrintWriter err) {
    this.env = env;
    this.common = common;
    this.out = out;
    this.err = err;
  }

  /** Runs and returns the exit code. */
  int run(RunRequest req, boolean strict) {
    Cancellation cancellation = new Cancellation();
    RunResult result =
        new Workspace(env).service(err).run(req, cancellation, new Terminal(cancellation));
    if (result.invalid()) {
      return invalid(result.diagnostics(), result.record());
    }
    report(result.record(), result.recordDir());
    return ExitCodes.of(result.status(), strict);
  }

  /** A file run (both connections folders) and returns the exit code. */
  int runFiles(RunRequest req, String target, String targetMode, boolean strict) {
    Cancellation cancellation = new Cancellation();
    RunResult result =
        new Workspace(env)
            .service(err)
            .runFiles(req, target, targetMode, cancellation, new Terminal(cancellation));
    if (result.invalid()) {
      return invalid(result.diagnostics(), result.record());
    }
    report(result.record(), result.recordDir());
    return ExitCodes.of(result.status(), strict);
  }

  /** Shows on stderr what the service hears during a run; Ctrl-C cancels while it executes. */
  private final class Terminal implements RunObserver {
    private final Cancellation cancellation;
    private final ProgressPrinter progress =
        new ProgressPrinter(
            err, env.terminal() && !common.quiet && !common.json(), !common.quiet, env.clock());
    private SignalCancel signals;

    Terminal(Cancellation cancellation) {
      this.cancellation = cancellation;
    }

    @Override
    public void secretGenerated(String secret) {
      if (common.quiet) {
        return;
      }
      err.println(
          "No run secret given: generated one for this run (shown once; keep it to reproduce this run):");
      err.println("  " + secret);
      err.println(
          "This run can be resumed (guise run --resume) only with this secret: keep it, e.g. in a"
              + " file for --run-secret-file. Set GUISE_RUN_SECRET or pass --run-secret-file FILE"
              + " next time.");
      err.flush();
    }

    @Override
    public void executing(List<Diagnostic> diagnostics) {
      if (!common.json() && !common.quiet) {
        Workspace.print(diagnostics, err);
      }
      signals = SignalCancel.install(env.installSignalHandlers(), cancellation, err);
    }

    @Override
    public void queued(String message) {
      if (!common.quiet) {
        err.println(message);
        err.flush();
      }
    }

    @Override
    public void executed() {
      signals.close();
      progress.finish();
    }

    @Override
    public void on(RunEvent event) {
      progress.on(event);
    }
  }

  private int invalid(List<Diagnostic> problems, RunRecord record) {
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("valid", false);
      if (record != null) {
        doc.put("run_id", record.id());
      }
      doc.put("diagnostics", Workspace.json(problems));
      Workspace.printJson(doc, out);
    } else {
      Workspace.print(problems, err);
      long n = problems.stream().filter(Diagnostic::isError).count();
      err.println(n + (n == 1 ? " error" : " errors") + "; nothing was touched.");
      err.flush();
    }
    return ExitCodes.INVALID;
  }

  private void report(RunRecord record, Path dir) {
    if (common.json()) {
      Workspace.printJson(record, out);
      return;
    }
    new SummaryPrinter(out).print(record, dir, common.quiet);
  }
}
