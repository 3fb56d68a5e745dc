package dev.guise.runlog;

import dev.guise.exec.RunEvent;
import dev.guise.exec.RunListener;
import dev.guise.exec.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a run: turns the executor's events into run.json snapshots (rewritten atomically as the
 * run advances) and log.jsonl lines. The only owner of the run's recorded state; thread-safe.
 */
public final class RunRecorder implements RunListener, AutoCloseable {
  /** What a run record says about the run before it starts. */
  public record Header(
      String id,
      String name,
      Map<String, Object> ruleset,
      Map<String, Object> connection,
      Map<String, Object> options,
      Instant createdTime) {}

  private final RunStore store;
  private final Header header;
  private final boolean samplesHoldOriginals;
  private final RunLog log;
  private RunStatus status = RunStatus.QUEUED;
  private Instant startTime;
  private Instant endTime;
  private String error;

  /** The kind of the file tasks' report (file-report.csv). */
  private static final String FILES = "files";

  private final TaskState root =
      new TaskState(new RunEvent.TaskOutline("", "serial", null, List.of()));
  private final Map<String, TaskState> tasks = new LinkedHashMap<>();
  private final Map<String, List<Map<String, Object>>> samples = new LinkedHashMap<>();
  private final List<ReportLink> reports = new ArrayList<>();

  /** The file report's text so far: every file task of the run adds its rows to one report. */
  private final StringBuilder fileReport = new StringBuilder();

  /**
   * Opens the run's log; the run directory must exist ({@link RunStore#create}).
   *
   * @param samplesHoldOriginals --show-originals: samples stay out of run.json
   * @param clock stamps the log lines
   */
  public RunRecorder(RunStore store, Header header, boolean samplesHoldOriginals, Clock clock) {
    this.store = store;
    this.header = header;
    this.samplesHoldOriginals = samplesHoldOriginals;
    this.log = new RunLog(store.dir().resolve(header.id()).resolve(RunStore.LOG), clock);
  }

  /** The run is being validated against the live schema. */
  public synchronized void validating() {
    status = RunStatus.VALIDATING;
    save();
  }

  /** The run waits for another run's table lock; {@code message} names the holder. */
  public synchronized void queued(String message) {
    status = RunStatus.QUEUED;
    save();
    log.log(RunLog.WARNING, null, message);
  }

  /**
   * The run failed before it started.
   *
   * @param endTime null when the run did not get far enough to end (no connection)
   */
  public synchronized void failed(String message, Instant endTime) {
    status = RunStatus.FAILED;
    error = message;
    this.endTime = endTime;
    save();
  }

  /** A run-level line in log.jsonl ({@link RunLog#INFO} etc.). Never pass secrets. */
  public void log(int level, String message, Map<String, ?> fields) {
    log.log(level, null, message, fields);
  }

  @Override
  public synchronized void on(RunEvent event) {
    if (event instanceof RunEvent.RunStarted s) {
      startTime = s.at();
      status = RunStatus.RUNNING;
      s.tasks().forEach(t -> root.tasks.add(mirror(t)));
      save();
      log.log(
          RunLog.INFO,
          null,
          "run started" + (s.dryRun() ? " (dry run: nothing will be written)" : ""));
    } else if (event instanceof RunEvent.Cancelling && status == RunStatus.RUNNING) {
      status = RunStatus.CANCELLING; // the batch in flight finishes, then the run stops
      save();
    } else if (event instanceof RunEvent.GroupStarted g) {
      task(g.taskId()).status = RunStatus.RUNNING;
    } else if (event instanceof RunEvent.GroupFinished g) {
      TaskState t = task(g.taskId());
      t.durationMs = g.durationMs();
      t.status = g.status();
    } else if (event instanceof RunEvent.TaskStarted s) {
      started(s);
    } else if (event instanceof RunEvent.BatchCommitted b) {
      committed(b);
    } else if (event instanceof RunEvent.Samples s) {
      samples.put(s.table(), s.rows());
    } else if (event instanceof RunEvent.Report r) {
      report(r);
    } else if (event instanceof RunEvent.TaskFinished f) {
      finished(f);
    } else if (event instanceof RunEvent.TaskSkipped s) {
      TaskState t = task(s.taskId());
      if (t.status == RunStatus.QUEUED) {
        t.status = s.status();
      }
    } else if (event instanceof RunEvent.ValueErrorsCounted v) {
      task(v.taskId()).valueErrors = valueErrors(v);
      save();
    } else if (event instanceof RunEvent.ProgressReached p) {
      log.log(RunLog.INFO, p.taskId(), "progress " + p.line(), fields("rows_done", p.done()));
    } else if (event instanceof RunEvent.FileProgress p) {
      TaskState t = task(p.taskId());
      t.bytesDone = p.bytesDone();
      t.bytesTotal = p.bytesTotal();
      save();
      log.log(
          RunLog.INFO,
          p.taskId(),
          p.file() + ": " + p.bytesDone() + "/" + p.bytesTotal() + " bytes, " + p.rows() + " rows",
          fields("file", p.file(), "bytes_done", p.bytesDone(), "bytes_total", p.bytesTotal()));
    } else if (event instanceof RunEvent.FileWritten w) {
      String by = w.maskedBy() == null ? header.id() : w.maskedBy();
      log.log(
          RunLog.INFO,
          w.taskId(),
          w.maskedBy() == null
              ? w.file() + ": masked, " + w.rows() + " rows"
              : w.file() + ": kept, masked by run " + by,
          fields(
              FILE_WRITTEN,
              true,
              "file",
              w.file(),
              "file_size",
              w.sourceSize(),
              "target_size",
              w.targetSize(),
              "rows",
              w.rows(),
              "masked_by",
              by));
    } else if (event instanceof RunEvent.Note n) {
      log.log(RunLog.INFO, n.taskId(), n.message());
    } else if (event instanceof RunEvent.Warning w) {
      log.log(RunLog.WARNING, w.taskId(), w.message());
    } else if (event instanceof RunEvent.RunFinished f) {
      status = f.status();
      endTime = f.at();
      save();
      RunRecord r = snapshot();
      log.log(
          f.status() == RunStatus.FAILED ? RunLog.ERROR : RunLog.INFO,
          null,
          "run " + f.status().json(),
          fields("rows_masked", r.rowsMasked(), "rows_updated", r.rowsUpdated()));
    }
  }

  private void started(RunEvent.TaskStarted s) {
    TaskState t = task(s.taskId());
    t.status = RunStatus.RUNNING;
    if (s.total() >= 0) {
      t.rowsTotal = s.total();
    }
    save();
    if (s.total() >= 0) {
      log.log(
          RunLog.INFO,
          s.taskId(),
          "masking " + t.target + ": " + s.total() + " rows",
          fields("rows_total", s.total()));
    }
  }

  private void committed(RunEvent.BatchCommitted b) {
    TaskState t = task(b.taskId());
    t.counts = t.counts.plus(b.batch());
    if (!b.dryRun()) {
      t.batchesCommitted++;
      t.lastKey = b.lastKey();
    }
    save();
    log.log(
        RunLog.INFO,
        b.taskId(),
        b.target() + ": " + b.task().read() + "/" + b.total() + " rows",
        fields(
            "rows_done",
            b.task().read(),
            "rows_total",
            b.total(),
            "rows_updated",
            t.counts.updated()));
  }

  /** Writes a task's report into the run's folder (a second one of a name gets its task's id). */
  private void report(RunEvent.Report r) {
    if (r.kind().equals(FILES)) {
      fileReport(r);
      return;
    }
    String file = r.file();
    if (reports.stream().anyMatch(l -> l.file().equals(r.file()))) {
      int dot = file.lastIndexOf('.');
      file = file.substring(0, dot) + "-task-" + r.taskId() + file.substring(dot);
    }
    store.writeReport(header.id(), file, r.text());
    reports.add(new ReportLink(r.kind(), file, r.taskId()));
    save();
    log.log(RunLog.INFO, r.taskId(), "wrote " + file, fields("report", r.kind()));
  }

  /** Appends a file task's rows (its text without the header line) to the run's one report. */
  private void fileReport(RunEvent.Report r) {
    boolean first = fileReport.length() == 0;
    String text = r.text();
    if (!first) {
      int nl = text.indexOf('\n');
      text = nl < 0 ? "" : text.substring(nl + 1);
    }
    fileReport.append(text);
    store.writeReport(header.id(), r.file(), fileReport.toString());
    if (reports.stream().noneMatch(l -> l.file().equals(r.file()))) {
      reports.add(new ReportLink(r.kind(), r.file(), r.taskId()));
    }
    save();
    log.log(RunLog.INFO, r.taskId(), "wrote " + r.file(), fields("report", r.kind()));
  }

  private void finished(RunEvent.TaskFinished f) {
    TaskState t = task(f.taskId());
    t.durationMs = f.durationMs();
    t.status = f.status();
    if (f.status() == RunStatus.FAILED) {
      t.error = f.error();
      log.log(RunLog.ERROR, f.taskId(), f.error());
    } else {
      log.log(
          RunLog.INFO,
          f.taskId(),
          f.description() + ": " + f.status().json(),
          fields(
              "rows_read", t.counts.read(),
              "rows_masked", t.counts.masked(),
              "rows_updated", t.counts.updated(),
              "duration_ms", t.durationMs));
    }
    save();
  }

  /** A task's value_errors in run.json: counts, reasons and row keys, never a value. */
  private static Map<String, Object> valueErrors(RunEvent.ValueErrorsCounted v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policy", v.policy());
    m.put("count", v.count());
    m.put(
        "columns",
        v.columns().stream()
            .map(
                c ->
                    fields(
                        "column",
                        c.column(),
                        "count",
                        c.count(),
                        "reason",
                        c.reason(),
                        "sample_keys",
                        c.sampleKeys()))
            .toList());
    return m;
  }

  /** The record as it stands. */
  public synchronized RunRecord snapshot() {
    return new RunRecord(
        header.id(),
        header.name(),
        status,
        header.ruleset(),
        header.connection(),
        header.options(),
        header.createdTime(),
        startTime,
        endTime,
        error,
        root.snapshot().tasks(),
        Collections.unmodifiableMap(new LinkedHashMap<>(samples)),
        samplesHoldOriginals,
        List.copyOf(reports));
  }

  private void save() {
    store.write(snapshot());
  }

  private TaskState mirror(RunEvent.TaskOutline o) {
    TaskState t = new TaskState(o);
    tasks.put(o.id(), t);
    o.tasks().forEach(c -> t.tasks.add(mirror(c)));
    return t;
  }

  private TaskState task(String id) {
    TaskState t = tasks.get(id);
    if (t == null) {
      throw new IllegalStateException("task " + id + " is not in the run's outline");
    }
    return t;
  }

  /**
   * The field that marks a run log line of a file whole in the target ({@link
   * RunEvent.FileWritten}).
   */
  public static final String FILE_WRITTEN = "file_written";

  private static Map<String, Object> fields(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Override
  public void close() {
    log.close();
  }

  /** One task's live state; only the recorder touches it, under its lock. */
  private static final class TaskState {
    final String id;
    final String type;
    final String target;
    RunStatus status = RunStatus.QUEUED;
    Long rowsTotal;
    RunEvent.Counts counts = new RunEvent.Counts(0, 0, 0, 0);
    long batchesCommitted;
    List<Object> lastKey;
    long durationMs;
    String error;
    Map<String, Object> valueErrors;
    Long bytesDone;
    Long bytesTotal;
    final List<TaskState> tasks = new ArrayList<>();

    TaskState(RunEvent.TaskOutline o) {
      this.id = o.id();
      this.type = o.type();
      this.target = o.target();
    }

    TaskRecord snapshot() {
      return new TaskRecord(
          id,
          type,
          target,
          status,
          rowsTotal,
          counts.read(),
          counts.masked(),
          counts.updated(),
          counts.skipped(),
          batchesCommitted,
          lastKey,
          durationMs,
          error,
          valueErrors,
          tasks.stream().map(TaskState::snapshot).toList(),
          bytesDone,
          bytesTotal);
    }
  }
}
