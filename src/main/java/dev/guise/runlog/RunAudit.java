package dev.guise.runlog;

import dev.guise.exec.RunEvent;
import dev.guise.exec.RunListener;
import dev.guise.exec.RunStatus;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Listens to one run and writes its audit lines: {@code run_started} (or {@code run_resumed}) when
 * the record is created, then exactly one ending ({@code run_finished}, {@code run_failed} or
 * {@code run_cancelled}), from the run's last event or, when the run ended before executing, from
 * {@link #ended}.
 */
public final class RunAudit implements RunListener {
  private final AuditLog log;
  private final AuditSubject about;
  private final AtomicBoolean ended = new AtomicBoolean();

  public RunAudit(AuditLog log, AuditSubject about) {
    this.log = log;
    this.about = about;
  }

  public void started(boolean dryRun) {
    log.append(AuditEvent.RUN_STARTED, "started", about, dryRun ? "dry run" : null);
  }

  /**
   * {@code run_resumed} in place of {@code run_started}: a run that continues {@code from}, so each
   * run id still has one opening line and one ending.
   */
  public void resumed(String from, boolean dryRun) {
    log.append(
        AuditEvent.RUN_RESUMED,
        "started",
        about,
        "continues run " + from + (dryRun ? "; dry run" : ""));
  }

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.RunFinished f) {
      ended(f.status(), null);
    }
  }

  /** The run's ending, unless one was written already; {@code detail} says why, without values. */
  public void ended(RunStatus status, String detail) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    AuditEvent event =
        switch (status) {
          case FINISHED, FINISHED_WITH_WARNINGS -> AuditEvent.RUN_FINISHED;
          case CANCELLED -> AuditEvent.RUN_CANCELLED;
          default -> AuditEvent.RUN_FAILED;
        };
    log.append(event, status.json(), about, detail);
  }
}
