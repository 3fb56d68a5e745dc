package dev.guise.exec;

import dev.guise.db.Dialect;
import dev.guise.db.KeysetQuery;
import dev.guise.plan.MaskTableStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mask_table} in place: rows read from the table on one connection, masked, and written back
 * and committed batch by batch on another, each batch with its checkpoint. A resumed run skips a
 * task its original run finished and restarts one after its last committed key.
 */
final class MaskTableStepRunner implements StepRunner<MaskTableStep> {
  /**
   * Rows a key range holds at least (and a batch at least): a smaller table is masked by one
   * worker, since a second connection's start costs more than it saves.
   */
  static final int MIN_RANGE_ROWS = 20_000;

  @Override
  public RunStatus run(MaskTableStep step, StepContext ctx) {
    Shard shard = ctx.options().shard();
    boolean whole =
        ctx.options().maxRows() > 0
            || step.rules().stream().anyMatch(r -> r.pipeline().shuffle() != null);
    String table = step.table().ref().toString();
    if (whole && shard != null && !shard.first()) {
      // --max-rows takes the first rows in key order, and a shuffle permutes the whole column
      ctx.events()
          .on(
              new RunEvent.Note(
                  step.id(),
                  table
                      + ": masked whole by shard 1 ("
                      + (ctx.options().maxRows() > 0 ? "--max-rows" : "secure_shuffle")
                      + " takes the whole table), skipped in shard "
                      + shard.label()));
      return RunStatus.SKIPPED;
    }
    if (whole) {
      return new TablePart(step, ctx, step.id() + (shard == null ? "" : shard.tag()), null, null)
          .run();
    }
    // a range holds a reader and a writer; the pool's other connections serve checkpoints
    int share =
        Math.min(
            WorkerShare.of(ctx.options().workers()),
            Math.max(1, (ctx.pool().maxConnections() - 2) / 2));
    // a continued run that masked the task whole (one worker, or a version before key ranges)
    // goes on whole after its last key: cutting it now would mask its first rows again
    boolean wholeBefore = ctx.checkpoints().resumed().containsKey(step.id());
    if (shard == null && (wholeBefore || (share < 2 && !splitBefore(step, ctx)))) {
      return new TablePart(step, ctx, step.id(), null, null).run();
    }
    return ranges(step, ctx, shard, share);
  }

  /** A continued run's rows say it cut this task into key ranges. */
  private static boolean splitBefore(MaskTableStep step, StepContext ctx) {
    return ctx.checkpoints().resumed().keySet().stream()
        .anyMatch(id -> id.startsWith(step.id() + "#"));
  }

  /**
   * The task cut into key ranges (up to {@code share}, at least a batch of rows each; for a shard,
   * its share of the table), masked at once, each with its own checkpoint row.
   */
  private static RunStatus ranges(MaskTableStep step, StepContext ctx, Shard shard, int share) {
    String table = step.table().ref().toString();
    Dialect d = ctx.transfer() == null ? ctx.pool().dialect() : ctx.transfer().source().dialect();
    String base = shard == null ? step.id() : step.id() + shard.tag();
    List<KeyRanges.KeyRange> ranges;
    long total;
    try (Connection c =
        ctx.transfer() == null ? ctx.pool().connection() : ctx.transfer().source().connection()) {
      long keys = ReadQueries.keys(c, d, step);
      Cut previous = Cut.of(ctx.checkpoints().resumed().keySet(), base);
      if (previous != null && previous.keys() != keys) {
        throw new TaskFailure(
            table
                + " - has "
                + keys
                + " keys now and had "
                + previous.keys()
                + " when run "
                + ctx.checkpoints().resumedFrom()
                + " cut it into key ranges: rows were added or deleted since, so its ranges would"
                + " not meet; restore the table and run again",
            null);
      }
      int parts =
          previous != null
              ? previous.parts()
              : (int)
                  Math.max(
                      1,
                      Math.min(
                          share,
                          (shard == null ? keys : keys / shard.of())
                              / Math.max(MIN_RANGE_ROWS, ctx.options().batchSize())));
      if (shard == null && parts == 1 && previous == null) {
        return new TablePart(step, ctx, step.id(), null, null).run();
      }
      ranges = KeyRanges.split(c, d, ReadQueries.of(step), step.key(), keys, parts, shard);
      total = countRows(c, d, step, ranges);
      base = base + "#%d/%d:" + keys;
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    }
    ctx.events().on(new RunEvent.TaskStarted(step.id(), step.describe(), total));
    if (ranges.isEmpty()) {
      ctx.events().on(new RunEvent.Note(step.id(), table + ": no rows in shard " + shard.label()));
      new TablePart(step, ctx, String.format(base, 1, 1), null, null).record(RunStatus.FINISHED);
      return RunStatus.FINISHED;
    }
    List<TablePart> parts = new ArrayList<>();
    for (KeyRanges.KeyRange r : ranges) {
      parts.add(new TablePart(step, ctx, String.format(base, r.index() + 1, r.parts()), r, null));
    }
    TablePipeline.Shared shared =
        new TablePipeline.Shared(
            total,
            parts.stream()
                .map(TablePart::startCounts)
                .reduce(new RunEvent.Counts(0, 0, 0, 0), RunEvent.Counts::plus),
            parts.size());
    Cancellation siblings = ctx.cancellation().child();
    parts.forEach(p -> p.partOf(shared, siblings));
    ctx.events()
        .on(
            new RunEvent.Note(
                step.id(),
                table
                    + ": "
                    + (shard == null ? "" : "shard " + shard.label() + ", ")
                    + parts.size()
                    + (parts.size() == 1 ? " key range" : " key ranges masked at once")));
    ExecutorService pool = DaemonThreads.pool("guise-range-" + step.id(), parts.size());
    try {
      List<Future<RunStatus>> futures = new ArrayList<>();
      for (TablePart p : parts) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return p.run();
                  } catch (RuntimeException e) {
                    // the other ranges stop after their batch in flight, as a lone task would
                    siblings.stopAfterFailure("a key range of task " + step.id() + " failed");
                    throw e;
                  }
                }));
      }
      List<RunStatus> done = new ArrayList<>();
      RuntimeException failure = null;
      for (Future<RunStatus> f : futures) {
        try {
          done.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          ctx.cancellation().cancel();
          done.add(RunStatus.CANCELLED);
        } catch (ExecutionException e) {
          RuntimeException re =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
          if (failure == null) {
            failure = re;
          } else {
            failure.addSuppressed(re);
          }
        }
      }
      TablePart.reportValueErrors(step, ctx, table, parts);
      if (failure != null) {
        throw failure;
      }
      return SerialRunner.sum(done);
    } finally {
      pool.shutdown();
    }
  }

  /** The rows the task will visit (with its {@code where}): in its ranges, for a shard. */
  private static long countRows(
      Connection c, Dialect d, MaskTableStep step, List<KeyRanges.KeyRange> ranges)
      throws SQLException {
    long sum = 0;
    try {
      for (KeyRanges.KeyRange r : ranges) {
        KeysetQuery q = d.countRange(ReadQueries.of(step), r.after(), r.upTo());
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
          q.binder().bind(ps, null, step.key());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            sum += rs.getLong(1);
          }
        }
      }
    } finally {
      c.rollback();
    }
    return sum;
  }

  /**
   * How a continued run cut a task: its ranges' ids are {@code base#k/n:keys}.
   *
   * @param parts n
   * @param keys the keys counted when it was cut
   */
  record Cut(int parts, long keys) {
    private static final Pattern ID = Pattern.compile("#(\\d+)/(\\d+):(\\d+)");

    static Cut of(java.util.Set<String> ids, String base) {
      for (String id : ids) {
        if (id.startsWith(base + "#")) {
          Matcher m = ID.matcher(id.substring(base.length()));
          if (m.matches()) {
            return new Cut(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
          }
        }
      }
      return null;
    }
  }

  static JdbcRowSink sink(
      MaskTableStep step,
      StepContext ctx,
      Dialect d,
      RowLayout layout,
      String table,
      TaskCheckpoint checkpoint,
      long batchesBefore)
      throws SQLException {
    return sinkOn(
        ctx,
        c -> d.writeBack(c, step.table(), step.key(), step.written()),
        step.written(),
        layout.keySize,
        table,
        checkpoint,
        batchesBefore);
  }

  /** How a sink's writer is made on its connection. */
  interface Writer {
    dev.guise.db.WriteBack on(Connection c) throws SQLException;
  }

  /**
   * A sink on a connection of its own from the run's pool, writing with {@code writer} (none in a
   * dry run); the connection is closed again when the writer cannot be made.
   */
  static JdbcRowSink sinkOn(
      StepContext ctx,
      Writer writer,
      List<dev.guise.schema.ColumnInfo> written,
      int keySize,
      String table,
      TaskCheckpoint checkpoint,
      long batchesBefore)
      throws SQLException {
    Connection c = ctx.pool().connection();
    try {
      return new JdbcRowSink(
          c,
          ctx.options().dryRun() ? null : writer.on(c),
          written,
          keySize,
          table,
          checkpoint,
          batchesBefore);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public String target(MaskTableStep step) {
    return step.table().ref().toString();
  }
}
