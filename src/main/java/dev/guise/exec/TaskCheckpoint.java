package dev.guise.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guise.db.ColumnValues;
import dev.guise.db.ProgressTable;
import dev.guise.exec.RunEvent.Counts;
import dev.guise.schema.ColumnInfo;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One table task's row in the progress table: inserted when the task starts, updated inside each
 * batch's own transaction (the caller commits it with the batch), closed with the task's status.
 * For a resumed run it also holds where the continued run stopped.
 */
final class TaskCheckpoint {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Checkpoints run;
  private final String taskId;
  private final String table;
  private final Clock clock;
  private final ProgressTable.Row previous;
  private volatile ProgressTable.Row current;

  TaskCheckpoint(Checkpoints run, String taskId, String table, Clock clock) {
    this.run = run;
    this.taskId = taskId;
    this.table = table;
    this.clock = clock;
    this.previous = run.resumed().get(taskId);
  }

  /** The continued run's row of this task, or null when the task starts afresh. */
  ProgressTable.Row previous() {
    return previous;
  }

  /** Where the continued run stopped: the key to read after and the counts so far. */
  TablePipeline.Start start(List<ColumnInfo> key) {
    if (previous == null || previous.lastKey() == null) {
      return TablePipeline.Start.BEGINNING;
    }
    List<String> text;
    try {
      text = JSON.readValue(previous.lastKey(), new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new TaskFailure(table + " - the checkpoint's last key is not readable", e);
    }
    Object[] after = new Object[key.size()];
    for (int i = 0; i < after.length; i++) {
      after[i] = ColumnValues.coerce(text.get(i), key.get(i));
    }
    return new TablePipeline.Start(
        after,
        new Counts(
            previous.rowsRead(),
            previous.rowsMasked(),
            previous.rowsUpdated(),
            previous.rowsRead() - previous.rowsMasked()),
        previous.batches());
  }

  /** Inserts this run's row (carrying the continued run's counts) and commits it. */
  void begin(Connection c, String status) throws SQLException {
    String now = clock.instant().toString();
    ProgressTable.Row p = previous;
    current =
        new ProgressTable.Row(
            run.runId(),
            taskId,
            table,
            status,
            p == null ? null : p.lastKey(),
            p == null ? 0 : p.rowsRead(),
            p == null ? 0 : p.rowsMasked(),
            p == null ? 0 : p.rowsUpdated(),
            p == null ? 0 : p.batches(),
            run.host(),
            run.pid(),
            now,
            now);
    run.table().insert(c, current);
    c.commit();
  }

  /** Records a batch on its own connection, inside its transaction; the caller commits both. */
  void save(Connection c, Counts task, List<Object> lastKey, long batches) throws SQLException {
    ProgressTable.Row r = current;
    ProgressTable.Row next =
        new ProgressTable.Row(
            r.runId(),
            taskId,
            table,
            "running",
            encode(lastKey),
            task.read(),
            task.masked(),
            task.updated(),
            batches,
            r.host(),
            r.pid(),
            r.started(),
            clock.instant().toString());
    run.table().update(c, next);
    current = next; // only the writer thread saves; the task's end reads after it stopped
  }

  /** Fails when the run's locks are lost (their connection is gone). */
  void checkLocks() throws SQLException {
    if (run.locks() != null) {
      run.locks().check();
    }
  }

  /** Sets the task's final status and commits. */
  void end(Connection c, RunStatus status) throws SQLException {
    ProgressTable.Row r = current;
    run.table()
        .update(
            c,
            new ProgressTable.Row(
                r.runId(),
                taskId,
                table,
                status.json(),
                r.lastKey(),
                r.rowsRead(),
                r.rowsMasked(),
                r.rowsUpdated(),
                r.batches(),
                r.host(),
                r.pid(),
                r.started(),
                clock.instant().toString()));
    c.commit();
  }

  /** A key as a JSON array of texts, which the key columns' own conversions read back. */
  static String encode(List<Object> key) {
    List<String> text = new ArrayList<>(key.size());
    for (Object v : key) {
      text.add(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
    }
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a key of texts is always JSON", e);
    }
  }
}
