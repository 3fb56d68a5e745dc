package dev.guise.exec;

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
     * thread, one batch at a time in the order prepared.
     *
     * @return rows updated
     */
    long commit();
  }

  @Override
  void close();
}
