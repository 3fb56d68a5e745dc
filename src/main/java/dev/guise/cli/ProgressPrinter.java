package dev.guise.cli;

import dev.guise.exec.RunEvent;
import dev.guise.exec.RunListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows progress on stderr: on a terminal a live line per running task (rows done / total, rate,
 * ETA); elsewhere (cron, CI) plain lines per batch and per finished task, no control characters.
 */
final class ProgressPrinter implements RunListener {
  private final PrintWriter err;
  private final boolean live;
  private final boolean plain;
  private final Clock clock;
  private final Map<String, Instant> started = new ConcurrentHashMap<>();
  private final java.util.Set<String> files = ConcurrentHashMap.newKeySet();
  private boolean lineOpen;

  /**
   * @param live a terminal: redraw one line per task
   * @param plain not a terminal and not quiet: a plain line per committed batch
   */
  ProgressPrinter(PrintWriter err, boolean live, boolean plain, Clock clock) {
    this.err = err;
    this.live = live;
    this.plain = plain && !live;
    this.clock = clock;
  }

  @Override
  public synchronized void on(RunEvent e) {
    if (e instanceof RunEvent.TaskStarted s) {
      started.put(s.taskId(), clock.instant());
    } else if (e instanceof RunEvent.FileProgress f) {
      files.add(f.taskId());
      fileProgress(f);
    } else if (e instanceof RunEvent.BatchCommitted p && files.contains(p.taskId())) {
      return; // its FileProgress told it in bytes
    } else if (e instanceof RunEvent.BatchCommitted p && live) {
      Instant t0 = started.getOrDefault(p.taskId(), clock.instant());
      double secs = Math.max(0.001, Duration.between(t0, clock.instant()).toMillis() / 1000.0);
      double rate = p.task().read() / secs;
      long left = Math.max(0, p.total() - p.task().read());
      String eta = rate > 0 ? (long) Math.ceil(left / rate) + "s" : "?";
      err.print(
          "\r\033[2K  "
              + p.target()
              + ": "
              + p.task().read()
              + "/"
              + p.total()
              + " rows, "
              + (long) rate
              + " rows/s, ETA "
              + eta);
      err.flush();
      lineOpen = true;
    } else if (e instanceof RunEvent.BatchCommitted p && plain) {
      err.println("  " + p.target() + ": " + p.task().read() + "/" + p.total() + " rows");
      err.flush();
    } else if (e instanceof RunEvent.ProgressReached p && (live || plain)) {
      clearLine();
      err.println("  progress " + p.line());
      err.flush();
    } else if (e instanceof RunEvent.Warning w && (live || plain)) {
      clearLine();
      err.println("warning: " + w.message());
      err.flush();
    } else if (e instanceof RunEvent.TaskFinished t && (live || plain)) {
      clearLine();
      err.println("  task " + t.taskId() + " " + t.description() + ": " + t.status().json());
      err.flush();
    }
  }

  /** A file task's progress in bytes of all its files, and rows. */
  private void fileProgress(RunEvent.FileProgress f) {
    if (!live && !plain) {
      return;
    }
    String mb = mb(f.bytesDone()) + "/" + mb(f.bytesTotal()) + " MB";
    if (!live) {
      err.println("  " + f.file() + ": " + mb + ", " + f.rows() + " rows");
      err.flush();
      return;
    }
    Instant t0 = started.getOrDefault(f.taskId(), clock.instant());
    double secs = Math.max(0.001, Duration.between(t0, clock.instant()).toMillis() / 1000.0);
    double rate = f.bytesDone() / secs;
    long left = Math.max(0, f.bytesTotal() - f.bytesDone());
    String eta = rate > 0 ? (long) Math.ceil(left / rate) + "s" : "?";
    err.print(
        "\r\033[2K  "
            + f.file()
            + ": "
            + mb
            + ", "
            + f.rows()
            + " rows, "
            + mb((long) rate)
            + " MB/s, ETA "
            + eta);
    err.flush();
    lineOpen = true;
  }

  private static String mb(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_048_576.0);
  }

  private void clearLine() {
    if (lineOpen) {
      err.print("\r\033[2K");
      lineOpen = false;
    }
  }

  synchronized void finish() {
    clearLine();
    err.flush();
  }
}
