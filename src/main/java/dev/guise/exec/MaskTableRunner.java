package dev.guise.exec;

import dev.guise.db.BatchQuery;
import dev.guise.db.ColumnValues;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Dialect;
import dev.guise.db.Redact;
import dev.guise.db.StandardDialect;
import dev.guise.db.WriteBack;
import dev.guise.mask.MaskContext;
import dev.guise.plan.MaskTableStep;
import dev.guise.runlog.RunLog;
import dev.guise.runlog.TaskRecord;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.RowView;
import dev.guise.secret.Rng;
import dev.guise.secret.RunKey;
import dev.guise.secret.SeedEncoder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one {@code mask_table}: reads rows in key order one batch at a time (keyset pagination, so
 * memory is bounded by the batch size), masks them, writes the batch back and commits it. Each
 * committed batch is counted in the task record with its last key, so a failure or a cancellation
 * leaves an exact, documented state.
 */
final class MaskTableRunner {
  private final MaskTableStep step;
  private final ConnectionPool pool;
  private final RunKey key;
  private final Instant runStart;
  private final RunOptions options;
  private final Cancellation cancellation;
  private final TaskRecord record;
  private final RunLog log;
  private final RunListener listener;
  private final SampleSink samples;

  /** Receives the before/after sample of a table. */
  interface SampleSink {
    void sample(String table, List<Map<String, Object>> rows);
  }

  MaskTableRunner(
      MaskTableStep step,
      ConnectionPool pool,
      RunKey key,
      Instant runStart,
      RunOptions options,
      Cancellation cancellation,
      TaskRecord record,
      RunLog log,
      RunListener listener,
      SampleSink samples) {
    this.step = step;
    this.pool = pool;
    this.key = key;
    this.runStart = runStart;
    this.options = options;
    this.cancellation = cancellation;
    this.record = record;
    this.log = log;
    this.listener = listener;
    this.samples = samples;
  }

  /** Failure of one task, already phrased for the user. */
  static final class TaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Returns FINISHED or CANCELLED; throws {@link TaskFailure}. */
  RunStatus run() {
    Dialect d = pool.dialect();
    String table = step.table().ref().toString();
    int nKey = step.key().size();
    List<ColumnInfo> cols = new ArrayList<>(step.key());
    cols.addAll(step.read());
    int nOwn = cols.size();
    step.joined().forEach(j -> cols.add(j.column()));
    String tableSeed = step.task().table().toLowerCase(Locale.ROOT);
    RowIndex index = new RowIndex(step, cols, nOwn, tableSeed);
    List<CompiledRule> rules = new ArrayList<>();
    for (int r = 0; r < step.rules().size(); r++) {
      rules.add(new CompiledRule(step.rules().get(r), r, index));
    }
    int[] writtenIdx = step.written().stream().mapToInt(c -> index.position(c.name())).toArray();

    try (Connection c = pool.connection()) {
      BatchQuery query = step.query();
      long total = count(c, d, query);
      record.rowsTotal(total);
      listener.on(new RunEvent.TaskStarted(step.id(), step.describe(), total));
      log.log(
          RunLog.INFO,
          step.id(),
          "masking " + table + ": " + total + " rows",
          Map.of("rows_total", total));
      String first = d.selectBatch(query, false, options.batchSize());
      String next = d.selectBatch(query, true, options.batchSize());
      long done = 0;
      List<Map<String, Object>> sample = new ArrayList<>();
      // Three stages, each on its own thread, so the database and the JVM work at the same time:
      // the next batch is read on a second connection while this one is masked, and the previous
      // one is written and committed on the first. Batches are written and committed strictly in
      // key order, one at a time; at most four batches (one per stage, plus this one's output)
      // are in memory.
      ExecutorService prefetch = daemonExecutor("guise-read-" + step.id());
      ExecutorService writing = daemonExecutor("guise-write-" + step.id());
      Future<?> written = null;
      try (Connection rc = pool.connection();
          WriteBack writer =
              options.dryRun() ? null : d.writeBack(c, step.table(), step.key(), step.written())) {
        if (rules.stream().anyMatch(r -> r.shuffle != null)) {
          shufflePass(rc, d, first, next, cols, rules, index, tableSeed);
        }
        BatchCommitter committer = new BatchCommitter(c, writer, table, nKey, total);
        try {
          int limit = limit(0);
          Future<List<Object[]>> pending =
              limit <= 0 ? null : prefetch.submit(() -> read(rc, d, first, null, cols, limit));
          while (pending != null) {
            if (cancellation.stopping()) {
              return RunStatus.CANCELLED; // after the batch being written commits (finally)
            }
            List<Object[]> rows = await(pending);
            pending = null;
            if (rows.isEmpty()) {
              break;
            }
            Object[] lastKey = Arrays.copyOf(rows.get(rows.size() - 1), nKey);
            int thisLimit = limit(done);
            int nextLimit = limit(done + rows.size());
            if (rows.size() == thisLimit && nextLimit > 0 && !cancellation.stopping()) {
              pending = prefetch.submit(() -> read(rc, d, next, lastKey, cols, nextLimit));
            }
            List<Object[]> out = new ArrayList<>(rows.size());
            long masked = 0;
            for (Object[] row : rows) {
              Object[] result = maskRow(row, rules, tableSeed, nKey, index, table);
              if (result == null) {
                continue;
              }
              masked++;
              Object[] w = new Object[nKey + writtenIdx.length];
              System.arraycopy(row, 0, w, 0, nKey);
              for (int i = 0; i < writtenIdx.length; i++) {
                w[nKey + i] =
                    coerce(result[writtenIdx[i]], step.written().get(i), table, row, nKey);
              }
              out.add(w);
              if (sample.size() < options.sampleRows()) {
                sample.add(sampleRow(row, result, cols, nKey, writtenIdx));
              }
            }
            int read = rows.size();
            rows = null; // only the masked values wait for the writer
            done += read;
            // encoded here, while the writer still works on the previous batch: the writer's time
            // sets the pipeline's pace, and this thread would otherwise wait for it
            WriteBack.Batch batch = writer == null ? null : writer.prepare(out);
            awaitWrite(written); // the previous batch is committed before this one is written
            written = null;
            if (cancellation.stopping()) {
              return RunStatus.CANCELLED; // a cancel seen after a commit writes nothing more
            }
            long batchMasked = masked;
            written =
                writing.submit(() -> committer.commit(out, batch, read, batchMasked, lastKey));
          }
        } finally {
          // a batch handed to the writer always finishes (commits or fails) before the task ends,
          // so the record is exact whatever stopped the loop
          if (written != null) {
            awaitWrite(written);
          }
        }
      } finally {
        prefetch.shutdownNow();
        writing.shutdownNow();
      }
      samples.sample(table, sample);
      return RunStatus.FINISHED;
    } catch (SQLException e) {
      throw new TaskFailure(table + " - " + Redact.sqlError(e), e);
    }
  }

  /**
   * secure_shuffle's first pass: reads the rows the task will visit, in key order, collects each
   * shuffled column's values by group (those the rule would mask), and permutes every group with a
   * Fisher-Yates shuffle keyed by the run secret, the table, the mask and the group.
   */
  private void shufflePass(
      Connection rc,
      Dialect d,
      String first,
      String next,
      List<ColumnInfo> cols,
      List<CompiledRule> rules,
      RowIndex index,
      String tableSeed)
      throws SQLException {
    int nKey = step.key().size();
    long done = 0;
    Object[] lastKey = null;
    while (true) {
      int limit = limit(done);
      if (limit <= 0) {
        break;
      }
      List<Object[]> rows = read(rc, d, lastKey == null ? first : next, lastKey, cols, limit);
      for (Object[] row : rows) {
        RowView view = index.view(row);
        for (CompiledRule r : rules) {
          if (r.shuffle != null && r.applies(row[r.columnIndex], view)) {
            r.shuffled
                .computeIfAbsent(r.group(row), g -> new ArrayList<>())
                .add(row[r.columnIndex]);
          }
        }
      }
      done += rows.size();
      if (rows.size() < limit) {
        break;
      }
      lastKey = Arrays.copyOf(rows.get(rows.size() - 1), nKey);
    }
    for (CompiledRule r : rules) {
      if (r.shuffle == null) {
        continue;
      }
      byte[] digest = r.planned.pipeline().masks().get(0).digest();
      for (Map.Entry<List<Object>, List<Object>> e : r.shuffled.entrySet()) {
        SeedEncoder seed = new SeedEncoder().add("shuffle").add(tableSeed);
        seed.addAll(e.getKey());
        Rng rng = key.rng(digest, seed.toBytes());
        List<Object> v = e.getValue();
        for (int i = v.size() - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          Object t = v.get(i);
          v.set(i, v.get(j));
          v.set(j, t);
        }
      }
    }
  }

  /**
   * Writes and commits batches on the writer thread, in the order they are handed over, and counts
   * each committed batch in the record.
   */
  private final class BatchCommitter {
    private final Connection connection;
    private final WriteBack writer;
    private final String table;
    private final int nKey;
    private final long total;
    private long done;

    BatchCommitter(Connection connection, WriteBack writer, String table, int nKey, long total) {
      this.connection = connection;
      this.writer = writer;
      this.table = table;
      this.nKey = nKey;
      this.total = total;
    }

    Void commit(List<Object[]> out, WriteBack.Batch batch, int read, long masked, Object[] lastKey)
        throws SQLException {
      long updated = 0;
      if (writer != null && !out.isEmpty()) {
        try {
          updated = writer.write(batch);
          connection.commit();
        } catch (SQLException e) {
          rollbackQuietly(connection);
          throw new TaskFailure(
              table
                  + " - writing the batch starting at key "
                  + describeKey(out.get(0), nKey)
                  + " failed: "
                  + Redact.sqlError(e)
                  + "; earlier batches are committed ("
                  + record.batchesCommitted()
                  + "), this and later ones are untouched",
              e);
        }
      } else {
        connection.rollback(); // ends the read transaction
      }
      done += read;
      record.batch(read, masked, updated, read - masked, writer != null, List.of(lastKey));
      listener.on(new RunEvent.Progress(step.id(), table, done, total));
      log.log(
          RunLog.INFO,
          step.id(),
          table + ": " + done + "/" + total + " rows",
          Map.of("rows_done", done, "rows_total", total, "rows_updated", record.rowsUpdated()));
      return null;
    }
  }

  private static ExecutorService daemonExecutor(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Waits for a batch handed to the writer and rethrows its failure. Waits through an interrupt
   * (restoring the flag after): the batch commits or fails on its own, and the record must say
   * which before the task ends.
   */
  private static void awaitWrite(Future<?> f) throws SQLException {
    if (f == null) {
      return;
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          f.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw cause(e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The SQL failure of a reader or writer task; its unchecked failures are rethrown as they are.
   */
  private static SQLException cause(ExecutionException e) {
    if (e.getCause() instanceof SQLException se) {
      return se;
    }
    if (e.getCause() instanceof RuntimeException re) {
      throw re;
    }
    throw new IllegalStateException(e.getCause());
  }

  /** Rows the next batch may hold after {@code done} rows, within --max-rows; 0 when done. */
  private int limit(long done) {
    if (options.maxRows() <= 0) {
      return options.batchSize();
    }
    return (int) Math.max(0, Math.min(options.batchSize(), options.maxRows() - done));
  }

  private static List<Object[]> await(Future<List<Object[]>> f) throws SQLException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading", e);
    } catch (ExecutionException e) {
      throw cause(e);
    }
  }

  private long count(Connection c, Dialect d, BatchQuery query) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(d.countRows(query));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long n = rs.getLong(1);
      return options.maxRows() > 0 ? Math.min(n, options.maxRows()) : n;
    }
  }

  private List<Object[]> read(
      Connection c, Dialect d, String sql, Object[] lastKey, List<ColumnInfo> cols, int limit)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>(Math.min(limit, 65_536));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(Math.min(limit, 10_000));
      if (limit < options.batchSize()) {
        ps.setMaxRows(limit);
      }
      if (lastKey != null) {
        StandardDialect.bindKeyAfter(d, ps, 1, lastKey, step.key());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && rows.size() < limit) {
          Object[] row = new Object[cols.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = d.read(rs, i + 1, cols.get(i));
          }
          rows.add(row);
        }
      }
    } finally {
      c.rollback(); // the reader only reads: end its transaction (and snapshot) per batch
    }
    return rows;
  }

  /** Returns the row with masked values, or null when every rule skipped it. */
  private Object[] maskRow(
      Object[] row,
      List<CompiledRule> rules,
      String tableSeed,
      int nKey,
      RowIndex index,
      String table) {
    Object[] current = row.clone();
    RowView view = index.view(row);
    boolean any = false;
    for (CompiledRule r : rules) {
      // a shuffle decides on the original value, as its first pass did
      Object in = r.shuffle != null ? row[r.columnIndex] : current[r.columnIndex];
      if (!r.applies(in, view)) {
        continue;
      }
      byte[] material = r.seedMaterial(row, tableSeed, nKey);
      MaskContext ctx = new MaskContext(digest -> key.rng(digest, material), view, key, runStart);
      try {
        current[r.columnIndex] =
            r.shuffle == null
                ? r.planned.pipeline().apply(in, ctx)
                : r.planned.pipeline().apply(r.nextShuffled(row), ctx, 1);
      } catch (RuntimeException e) {
        throw new TaskFailure(
            table
                + "."
                + r.planned.column().name()
                + " - masking the row with key "
                + describeKey(row, nKey)
                + " failed: "
                + e.getMessage()
                + " (rule at "
                + r.planned.rule().location()
                + ")",
            e);
      }
      any = true;
    }
    return any ? current : null;
  }

  private Object coerce(Object v, ColumnInfo col, String table, Object[] row, int nKey) {
    try {
      return ColumnValues.coerce(v, col);
    } catch (ColumnValues.DoesNotFit e) {
      throw new TaskFailure(
          table
              + "."
              + col.name()
              + " - row with key "
              + describeKey(row, nKey)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private Map<String, Object> sampleRow(
      Object[] row, Object[] result, List<ColumnInfo> cols, int nKey, int[] writtenIdx) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nKey; i++) {
      m.put(cols.get(i).name(), row[i]);
    }
    for (int idx : writtenIdx) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("before", options.showOriginals() ? row[idx] : redacted(row[idx]));
      change.put("after", result[idx]);
      m.put(cols.get(idx).name(), change);
    }
    return m;
  }

  private static Object redacted(Object v) {
    return v == null ? null : "<redacted>";
  }

  private static String describeKey(Object[] row, int nKey) {
    if (nKey == 1) {
      return String.valueOf(row[0]);
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < nKey; i++) {
      sb.append(i == 0 ? "" : ", ").append(row[i]);
    }
    return sb.append(')').toString();
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the original failure is what the user needs to see
    }
  }
}
