package dev.guise.exec;

import dev.guise.GuiseException;
import dev.guise.db.Redact;
import java.sql.SQLException;

/** Failure of one task, already phrased for the user; the run records it and goes on or stops. */
final class TaskFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TaskFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** A database failure of a task on {@code subject} (a table, or a task's description). */
  static TaskFailure sql(String subject, SQLException e) {
    return sql(subject, e, "");
  }

  /** As {@link #sql(String, SQLException)}, with {@code more} (e.g. "; what to do") after. */
  static TaskFailure sql(String subject, SQLException e, String more) {
    return new TaskFailure(subject + " - " + Redact.sqlError(e) + more, e);
  }

  /**
   * Whether the task failed because its connection went away (SQLSTATE class 08: the server
   * restarted or stopped, or the network failed) rather than over anything in the data.
   */
  boolean connectionLost() {
    for (Throwable t = getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s
          && s.getSQLState() != null
          && s.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  /** A row's key for messages: the value, or {@code (a, b)} for a composite key. */
  /**
   * Why a mask failed, fit for the user: a mask's own message ({@link GuiseException}) never quotes
   * the value; anything else (a library's message) might, so only its kind is named.
   */
  static String reason(RuntimeException e) {
    return e instanceof GuiseException
        ? e.getMessage()
        : "an unexpected " + e.getClass().getSimpleName();
  }

  static String key(Object[] row, int keySize) {
    if (keySize == 1) {
      return String.valueOf(row[0]);
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < keySize; i++) {
      sb.append(i == 0 ? "" : ", ").append(row[i]);
    }
    return sb.append(')').toString();
  }
}
