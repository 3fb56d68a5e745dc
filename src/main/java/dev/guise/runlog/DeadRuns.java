package dev.guise.runlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guise.exec.RunLiveness;
import dev.guise.exec.RunStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs whose record says they are running but whose process is gone: shown as {@code interrupted},
 * never rewritten by looking at them ({@code guise runs repair} writes it).
 */
public final class DeadRuns {
  private static final Set<String> ALIVE_STATES =
      Set.of(
          RunStatus.RUNNING.json(),
          RunStatus.CANCELLING.json(),
          RunStatus.QUEUED.json(),
          RunStatus.VALIDATING.json());

  private DeadRuns() {}

  /** True when the record says running (or about to) and its process on this host is gone. */
  public static boolean isDead(JsonNode record) {
    if (!ALIVE_STATES.contains(record.path("status").asText())) {
      return false;
    }
    JsonNode o = record.path("options");
    return RunLiveness.deadHere(
        o.path("host").asText(null), o.path("pid").asLong(0), created(record));
  }

  /**
   * The record as it is seen: a dead run's status is {@code interrupted}, with the status its
   * record still says under {@code recorded_status}; others unchanged.
   */
  public static JsonNode seen(JsonNode record) {
    if (!isDead(record)) {
      return record;
    }
    ObjectNode copy = record.deepCopy();
    copy.put("recorded_status", record.path("status").asText());
    copy.put("status", RunStatus.INTERRUPTED.json());
    return copy;
  }

  /** Lines for stderr naming each dead run in the store and how to repair and resume it. */
  public static List<String> warnings(RunStore store) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : store.list()) {
      if (isDead(r)) {
        String id = r.path("id").asText();
        out.add(
            "run "
                + id
                + " - interrupted: its record says "
                + r.path("status").asText()
                + " but process "
                + r.path("options").path("pid").asLong()
                + " on "
                + r.path("options").path("host").asText()
                + " is gone; 'guise runs repair "
                + id
                + "' drops what it left, 'guise run --resume "
                + id
                + "' continues it");
      }
    }
    return out;
  }

  /**
   * Writes {@code run_interrupted} to the audit log for each dead run in the store, once per run: a
   * run the log already names so is skipped, so listing runs again and again adds nothing.
   *
   * @param command the command that found them, e.g. {@code runs list}
   */
  public static void audit(RunStore store, AuditLog log, String command) {
    List<JsonNode> dead = store.list().stream().filter(DeadRuns::isDead).toList();
    if (dead.isEmpty()) {
      return;
    }
    Set<String> told = new HashSet<>();
    try {
      for (AuditEntry e : log.read(null).entries()) {
        if (AuditEvent.RUN_INTERRUPTED.json().equals(e.event())) {
          told.add(e.runId());
        }
      }
    } catch (IOException e) {
      return; // an unreadable log cannot say what it holds: writing again could repeat a line
    }
    for (JsonNode r : dead) {
      String id = r.path("id").asText();
      if (told.add(id)) {
        log.append(
            AuditEvent.RUN_INTERRUPTED,
            RunStatus.INTERRUPTED.json(),
            new AuditSubject(
                command,
                r.path("connection").path("name").asText(null),
                r.path("ruleset").path("path").asText(null),
                r.path("ruleset").path("sha256").asText(null),
                id),
            "record said "
                + r.path("status").asText()
                + "; process "
                + r.path("options").path("pid").asLong()
                + " on "
                + r.path("options").path("host").asText()
                + " is gone");
      }
    }
  }

  private static Instant created(JsonNode record) {
    try {
      return Instant.parse(record.path("created_time").asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
