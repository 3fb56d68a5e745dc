package dev.guise.run;

import dev.guise.GuiseException;
import dev.guise.exec.RunEvent;
import dev.guise.exec.RunStatus;
import dev.guise.ruleset.Ruleset;
import dev.guise.runlog.AuditEvent;
import dev.guise.runlog.AuditLog;
import dev.guise.runlog.AuditSubject;
import dev.guise.runlog.RunAudit;
import dev.guise.yaml.Diagnostic;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What the run service writes to the audit log; with no log, nothing. */
final class RunAuditing {
  private final AuditLog log;

  RunAuditing(AuditLog log) {
    this.log = log;
  }

  void validated(CheckRequest request, CheckResult checked) {
    if (log == null) {
      return;
    }
    log.append(
        AuditEvent.VALIDATE,
        checked.hasErrors() ? "invalid" : checked.hasWarnings() ? "valid_with_warnings" : "valid",
        subject("validate", request.ruleset(), checked.ruleset(), request.connection()),
        null);
  }

  /** A run refused before its record was created: the ruleset or connection had errors. */
  void rejected(RunRequest req, Ruleset parsed) {
    if (log != null) {
      log.append(
          AuditEvent.RUN_FAILED,
          "invalid",
          subject("run", req.ruleset(), parsed, req.connection()),
          "nothing was touched");
    }
  }

  /**
   * Writes {@code run_started} ({@code run_resumed} for a run continuing another), runs {@code
   * body} with an observer that also feeds the trail, and writes the run's ending, also when it
   * ends before executing or with an exception.
   *
   * @param resumedFrom the full id of the run this one continues, or null
   */
  RunResult around(
      RunRequest req,
      Ruleset ruleset,
      String runId,
      String resumedFrom,
      RunObserver observer,
      Function<RunObserver, RunResult> body) {
    if (log == null) {
      return body.apply(observer);
    }
    RunAudit trail =
        new RunAudit(
            log, subject("run", req.ruleset(), ruleset, req.connection()).withRunId(runId));
    if (resumedFrom == null) {
      trail.started(req.options().dryRun());
    } else {
      trail.resumed(resumedFrom, req.options().dryRun());
    }
    RunResult result;
    try {
      result = body.apply(alsoTo(observer, trail));
    } catch (GuiseException e) {
      trail.ended(RunStatus.FAILED, e.code().name().toLowerCase(Locale.ROOT));
      throw e;
    } catch (RuntimeException | Error e) {
      trail.ended(RunStatus.FAILED, "internal error");
      throw e;
    }
    trail.ended(
        result.status() == null ? RunStatus.FAILED : result.status(),
        result.status() == null ? "invalid against the live schema; nothing was touched" : null);
    return result;
  }

  private static AuditSubject subject(
      String command, RulesetSource source, Ruleset parsed, String connection) {
    return new AuditSubject(
        command,
        connection,
        parsed == null ? source.label() : parsed.file(),
        parsed == null ? null : parsed.sha256(),
        null);
  }

  /** The caller's observer, with the audit trail hearing the same events. */
  private static RunObserver alsoTo(RunObserver observer, RunAudit trail) {
    return new RunObserver() {
      @Override
      public void secretGenerated(String secret) {
        observer.secretGenerated(secret);
      }

      @Override
      public void executing(List<Diagnostic> diagnostics) {
        observer.executing(diagnostics);
      }

      @Override
      public void executed() {
        observer.executed();
      }

      @Override
      public void on(RunEvent event) {
        observer.on(event);
        trail.on(event);
      }
    };
  }
}
