package dev.guise.exec;

import dev.guise.exec.RunEvent.Counts;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs one table task as a pipeline: rows from a {@link RowSource}, masked by a {@link RowMasker},
 * into a {@link RowSink}, one batch at a time in key order (memory is bounded by the batch size).
 * Each committed batch is published with its counts and last key, so a failure or a cancellation
 * leaves an exact, documented state.
 */
final class TablePipeline {
  private final String taskId;
  private final String description;
  private final String target;
  private final RunOptions options;
  private final Cancellation cancellation;
  private final RunListener events;
  private OriginalPrints prints;
  private long budget = BATCH_BYTES;
  private int wholeRows;
  private Shared shared;

  TablePipeline(
      String taskId,
      String description,
      String target,
      RunOptions options,
      Cancellation cancellation,
      RunListener events) {
    this.taskId = taskId;
    this.description = description;
    this.target = target;
    this.options = options;
    this.cancellation = cancellation;
    this.events = events;
  }

  /** Publishes the fingerprints of each batch's originals before the batch commits. */
  TablePipeline fingerprinting(OriginalPrints prints) {
    this.prints = prints;
    return this;
  }

  /**
   * Hands the sink whole rows (the first {@code own} columns of the layout, masked or not) instead
   * of the key and the masked rows' written columns: a source → target run writes every row.
   */
  TablePipeline wholeRows(int own) {
    this.wholeRows = own;
    return this;
  }

  /**
   * Shares the batch memory ({@link #BATCH_BYTES}) with the other tasks of the {@code parallel}
   * blocks around it that run at the same time ({@code tasks} of them, this one included), so that
   * the heap holds one task's batches however many tables are masked at once.
   */
  TablePipeline sharingMemoryWith(int tasks) {
    this.budget = BATCH_BYTES / Math.max(1, tasks);
    return this;
  }

  /**
   * Makes this pipeline one key range of a task that several run at once: the task's start and
   * total are published once by the caller, and each batch's event carries the task's counts over
   * all its ranges.
   */
  TablePipeline partOf(Shared s) {
    this.shared = s;
    return this;
  }

  /** The counts of a task whose key ranges are masked at once, summed as their batches commit. */
  static final class Shared {
    private final long total;
    private final int parts;
    private Counts sofar;

    /**
     * @param total the task's rows
     * @param before the counts its ranges had before (a resumed run's)
     * @param parts the ranges masked at once: they share one task's batch memory
     */
    Shared(long total, Counts before, int parts) {
      this.total = total;
      this.sofar = before;
      this.parts = Math.max(1, parts);
    }

    synchronized Counts add(Counts c) {
      sofar = sofar.plus(c);
      return sofar;
    }
  }

  /**
   * Where a task starts: the beginning, or after the last key a continued run committed.
   *
   * @param afterKey null for the beginning
   * @param counts the continued run's counts
   * @param batches the continued run's committed batches
   */
  record Start(Object[] afterKey, Counts counts, long batches) {
    static final Start BEGINNING = new Start(null, new Counts(0, 0, 0, 0), 0);
  }

  /**
   * Returns FINISHED or CANCELLED; throws {@link TaskFailure}.
   *
   * @param shufflePass secure_shuffle's first pass over the source, run before masking
   */
  RunStatus run(RowSource source, RowMasker masker, RowSink sink, Runnable shufflePass) {
    return run(source, masker, sink, shufflePass, Start.BEGINNING);
  }

  /** As {@link #run(RowSource, RowMasker, RowSink, Runnable)}, from {@code start}. */
  RunStatus run(
      RowSource source, RowMasker masker, RowSink sink, Runnable shufflePass, Start start) {
    long total;
    if (shared == null) {
      long counted = source.count();
      total = options.maxRows() > 0 ? Math.min(counted, options.maxRows()) : counted;
      events.on(new RunEvent.TaskStarted(taskId, description, total));
    } else {
      total = shared.total;
    }
    shufflePass.run();
    // Three stages, each on its own thread, so the database and the JVM work at the same time:
    // the next batch is read on the source's connection while this one is masked, and the
    // previous one is written and committed by the sink. Batches are written and committed
    // strictly in key order, one at a time; at most four batches (one per stage, plus this one's
    // output) are in memory.
    ExecutorService prefetch = daemonExecutor("guise-read-" + taskId);
    ExecutorService writing = daemonExecutor("guise-write-" + taskId);
    Committer committer = new Committer(total, start.counts());
    Future<?> written = null;
    try {
      long done = start.counts().read();
      long batchNo = start.batches();
      int limit = limit(done);
      int asked = limit;
      Future<Fetched> pending =
          limit <= 0
              ? null
              : prefetch.submit(() -> fetch(source, start.afterKey(), limit, start.batches()));
      while (pending != null) {
        if (cancellation.stopping()) {
          return RunStatus.CANCELLED; // after the batch being written commits (finally)
        }
        Fetched fetched = await(pending);
        pending = null;
        List<Object[]> rows = fetched.rows();
        if (rows.isEmpty()) {
          break;
        }
        batchNo++;
        if (!sized) {
          rowCap = rowCap(rows, shared == null ? budget : budget / shared.parts);
          sized = true;
        }
        Object[] lastKey = Arrays.copyOf(rows.get(rows.size() - 1), masker.keySize());
        int nextLimit = limit(done + rows.size());
        boolean more = rows.size() == asked; // a short read is the end of the table
        if (more && nextLimit > 0 && !cancellation.stopping()) {
          long nextBatch = batchNo;
          asked = nextLimit;
          pending = prefetch.submit(() -> fetch(source, lastKey, nextLimit, nextBatch));
        }
        RowMasker.Masked out =
            wholeRows > 0 ? masker.maskWhole(rows, wholeRows) : masker.mask(rows);
        RunEvent prints = fetched.prints();
        int read = rows.size();
        rows = null; // only the masked values wait for the writer
        done += read;
        RowSink.Prepared batch = sink.prepare(out.rows());
        awaitWrite(written); // the previous batch is committed before this one is written
        written = null;
        if (cancellation.stopping()) {
          return RunStatus.CANCELLED; // a cancel seen after a commit writes nothing more
        }
        Counts counts = new Counts(read, out.masked(), 0, read - out.masked());
        written = writing.submit(() -> committer.commit(batch, counts, lastKey, prints));
      }
    } finally {
      // a batch handed to the writer always finishes (commits or fails) before the task ends,
      // so the record is exact whatever stopped the loop
      try {
        awaitWrite(written);
      } finally {
        prefetch.shutdownNow();
        writing.shutdownNow();
      }
    }
    events.on(new RunEvent.Samples(target, List.copyOf(masker.sample())));
    return RunStatus.FINISHED;
  }

  /** A batch as read, with the fingerprints of its originals (null when none are kept). */
  private record Fetched(List<Object[]> rows, RunEvent prints) {}

  /**
   * Reads a batch on the reader thread and fingerprints its originals there too, so that the
   * fingerprints (two keyed hashes per masked value) are computed while the previous batch is
   * masked, not after it.
   */
  private Fetched fetch(RowSource source, Object[] afterKey, int limit, long batch) {
    List<Object[]> rows = source.read(afterKey, limit);
    return new Fetched(rows, prints == null || rows.isEmpty() ? null : prints.of(rows, batch));
  }

  /** Commits batches on the writer thread, in the order handed over, and publishes each. */
  private final class Committer {
    private final long total;
    private Counts sofar;

    Committer(long total, Counts before) {
      this.total = total;
      this.sofar = before;
    }

    Void commit(RowSink.Prepared batch, Counts counts, Object[] lastKey, RunEvent prints) {
      if (prints != null) {
        // kept before the commit: a batch that then fails left originals that verify should count
        events.on(prints);
      }
      long updated = batch.commit(sofar, counts, List.of(lastKey));
      Counts c = new Counts(counts.read(), counts.masked(), updated, counts.skipped());
      sofar = sofar.plus(c);
      // the task's counts: this range's, or all its ranges' when several run at once
      Counts task = shared == null ? sofar : shared.add(c);
      long before = task.read() - c.read();
      events.on(
          new RunEvent.BatchCommitted(
              taskId, target, c, task, total, List.of(lastKey), options.dryRun()));
      long every = options.progressEvery();
      if (every > 0 && task.read() / every > before / every) {
        // one line per batch at most: a batch is the unit rows are committed and counted in
        events.on(new RunEvent.ProgressReached(taskId, target, task.read(), total));
      }
      return null;
    }
  }

  /**
   * Rows the next batch may hold after {@code done} rows: --batch-size, fewer when the rows are
   * wide ({@link #BATCH_BYTES}), within --max-rows; 0 when done.
   */
  int limit(long done) {
    int size = Math.min(options.batchSize(), rowCap);
    if (options.maxRows() <= 0) {
      return size;
    }
    return (int) Math.max(0, Math.min(size, options.maxRows() - done));
  }

  /**
   * About how much heap one batch's rows may take. Four batches are in memory at once (read,
   * masked, written, and the next one read ahead), so a large batch of wide rows (whole rows of a
   * source → target run, long texts) would not fit a small heap: the first batch's size sets a row
   * cap for the task's later batches. A task's key ranges, and the tasks of a {@code parallel}
   * block, share it: the run as a whole holds about four times this at most.
   */
  static final long BATCH_BYTES = 16L << 20;

  /** The first batch's rows at most, read to learn how wide the rows are. */
  static final int FIRST_BATCH = 1_000;

  /** Rows per batch: {@link #FIRST_BATCH}, then what the first batch's width allows. */
  private int rowCap = FIRST_BATCH;

  private boolean sized;

  /**
   * The rows that fit {@code budget} bytes ({@link #BATCH_BYTES}, shared by the key ranges of a
   * task masked at once), estimated from a batch (at least 100).
   */
  static int rowCap(List<Object[]> rows, long budget) {
    long bytes = 0;
    int step = Math.max(1, rows.size() / 200); // a sample is enough
    int sampled = 0;
    for (int i = 0; i < rows.size(); i += step) {
      bytes += RowBytes.estimate(rows.get(i));
      sampled++;
    }
    long perRow = Math.max(1, bytes / Math.max(1, sampled));
    return (int) Math.max(100, Math.min(Integer.MAX_VALUE - 1, budget / perRow));
  }

  private static ExecutorService daemonExecutor(String name) {
    return DaemonThreads.pool(name, 1);
  }

  /**
   * Waits for a batch handed to the writer and rethrows its failure. Waits through an interrupt
   * (restoring the flag after): the batch commits or fails on its own, and the record must say
   * which before the task ends.
   */
  private static void awaitWrite(Future<?> f) {
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
          throw unwrap(e, "writing");
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Fetched await(Future<Fetched> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskFailure(target + " - interrupted while reading", e);
    } catch (ExecutionException e) {
      throw unwrap(e, "reading");
    }
  }

  /** The failure of a reader or writer task, rethrown as it was when unchecked. */
  private static RuntimeException unwrap(ExecutionException e, String what) {
    if (e.getCause() instanceof RuntimeException re) {
      return re;
    }
    return new IllegalStateException(what + " failed", e.getCause());
  }
}
