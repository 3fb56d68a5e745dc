package dev.guise.exec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Run and task statuses as written in run.json. */
public enum RunStatus {
  QUEUED,
  VALIDATING,
  RUNNING,
  CANCELLING,
  CANCELLED,
  FAILED,
  FINISHED,
  FINISHED_WITH_WARNINGS,
  /**
   * Shown, never written by the run itself: its record says running, cancelling or queued but its
   * process is gone (killed, or the machine stopped). {@code guise runs repair} writes it.
   */
  INTERRUPTED,
  /** Task-only: not run (dry run, or an earlier task failed). */
  SKIPPED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  public boolean isFinal() {
    return this == CANCELLED
        || this == FAILED
        || this == FINISHED
        || this == FINISHED_WITH_WARNINGS
        || this == SKIPPED
        || this == INTERRUPTED;
  }
}
