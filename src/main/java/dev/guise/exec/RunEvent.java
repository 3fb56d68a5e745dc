package dev.guise.exec;

/** What the executor reports while it runs; it never prints. */
public sealed interface RunEvent {
  /** A task began; {@code total} is the rows it will visit, or -1 when not a table task. */
  record TaskStarted(String taskId, String description, long total) implements RunEvent {}

  /** A batch was masked (and committed unless a dry run). */
  record Progress(String taskId, String target, long done, long total) implements RunEvent {}

  /** A task ended. */
  record TaskEnded(String taskId, String description, RunStatus status, String error)
      implements RunEvent {}

  /** A warning worth showing the user. */
  record Warning(String taskId, String message) implements RunEvent {}
}
