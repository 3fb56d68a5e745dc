package dev.guise.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * Where the log lines of the JDBC drivers and the connection pool go: never straight to stderr
 * (they carry stack traces and can quote row values), but redacted to whoever listens: the run log
 * of a run, and stderr only under {@code -v}. SLF4J (HikariCP, the MariaDB driver) reaches it
 * through {@link DriverLogProvider}, java.util.logging (the PostgreSQL driver) through {@link
 * #captureJavaUtilLogging()}.
 */
public final class DriverLog {
  /** One line: the logger's name, its level (WARN, ERROR, INFO) and the redacted message. */
  public record Line(String logger, String level, String message) {}

  private static final List<Consumer<Line>> SINKS = new CopyOnWriteArrayList<>();
  private static volatile boolean verbose;

  private DriverLog() {}

  /** A listener's registration; closing it stops the lines. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Sends lines to {@code sink} until the returned subscription is closed. */
  public static Subscription listen(Consumer<Line> sink) {
    SINKS.add(sink);
    return () -> SINKS.remove(sink);
  }

  /** Under {@code -v} INFO lines are published too; otherwise only warnings and errors. */
  public static void verbose(boolean v) {
    verbose = v;
  }

  static boolean infoEnabled() {
    return verbose;
  }

  static void publish(String logger, String level, String message, Throwable t) {
    if (SINKS.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder(Redact.values(Redact.url(String.valueOf(message))));
    // the exception's own message, without the stack trace
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      sb.append(" (")
          .append(c.getClass().getSimpleName())
          .append(c.getMessage() == null ? "" : ": " + Redact.values(Redact.url(c.getMessage())))
          .append(')');
      if (sb.length() > 2_000) {
        break;
      }
    }
    Line line = new Line(logger, level, sb.toString());
    for (Consumer<Line> s : SINKS) {
      s.accept(line);
    }
  }

  /**
   * Replaces java.util.logging's console handler (which prints to stderr) with a bridge to this
   * log; called once at start-up.
   */
  public static void captureJavaUtilLogging() {
    java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    root.setLevel(Level.INFO);
    root.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() < Level.INFO.intValue()) {
              return;
            }
            if (r.getLevel().intValue() < Level.WARNING.intValue() && !verbose) {
              return;
            }
            String level =
                r.getLevel().intValue() >= Level.SEVERE.intValue()
                    ? "ERROR"
                    : r.getLevel().intValue() >= Level.WARNING.intValue() ? "WARN" : "INFO";
            String msg = r.getMessage();
            if (r.getParameters() != null && msg != null) {
              try {
                msg = java.text.MessageFormat.format(msg, r.getParameters());
              } catch (IllegalArgumentException e) {
                // keep the pattern as it is
              }
            }
            DriverLog.publish(r.getLoggerName(), level, msg, r.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }
}
