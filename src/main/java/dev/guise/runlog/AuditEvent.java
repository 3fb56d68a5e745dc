package dev.guise.runlog;

import java.util.Locale;

/**
 * What the audit log records. {@link #DISCOVER} and {@link #KEY_OPERATION} are the hooks for the
 * discovery and key commands, which write them once they exist.
 */
public enum AuditEvent {
  RUN_STARTED,
  RUN_FINISHED,
  RUN_FAILED,
  RUN_CANCELLED,
  /** A run found dead (record {@code running}, nothing holding it); written by whoever sees it. */
  RUN_INTERRUPTED,
  RUN_RESUMED,
  /** {@code guise runs cancel} asked a run to stop. */
  CANCEL_REQUESTED,
  VALIDATE,
  DISCOVER,
  KEY_OPERATION,
  /** {@code guise secrets export} wrote (or failed to write) an encrypted export. */
  SECRETS_EXPORTED,
  /** {@code guise secrets import} imported an export, or refused it. */
  SECRETS_IMPORTED;

  /** The name written in {@code audit.jsonl}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
