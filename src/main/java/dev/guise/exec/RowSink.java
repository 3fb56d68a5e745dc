package dev.guise.exec;

import dev.guise.exec.RunEvent.Counts;
import java.util.List;

/**
 * Where a table task's masked rows go, one batch at a time and in key order. A row is the key
 * values followed by the written columns' new values. Failures are unchecked and phrased for the
 * user.
 */
public interface RowSink extends AutoCloseable {
  /**
   * Encodes a batch on the caller's thread (the masking thread), without touching the target, so
   * that it overlaps the write of the batch before.
   */
  Prepared prepare(List<Object[]> rows);

  /** A batch ready to be written. */
  interface Prepared {
    /**
     * Writes and commits the batch (in a dry run: only ends the transaction). Called on the writer
     * thread, one batch at a time in the order prepared. A sink that keeps checkpoints saves the
     * task's progress in the batch's own transaction, so it never lags the data.
     *
     * @param before the task's counts before this batch
     * @param batch this batch's counts (rows updated not yet known: 0)
     * @param lastKey the key of the batch's last row
     * @return rows updated
     */
    long commit(Counts before, Counts batch, List<Object> lastKey);
  }

  @Override
  void close();
}
