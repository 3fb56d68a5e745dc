package dev.guise.exec;

import java.util.List;

/**
 * Where a table task's rows come from, in key order, one batch at a time. Each row holds the
 * columns in the task's row layout, key first. Failures are unchecked and phrased for the user.
 * Used by one thread at a time.
 */
public interface RowSource extends AutoCloseable {
  /** The rows the task would visit without a row limit. */
  long count();

  /**
   * Reads the next batch.
   *
   * @param afterKey the key of the previous batch's last row; null for the first batch
   * @param limit rows at most
   * @return fewer than {@code limit} rows only at the end
   */
  List<Object[]> read(Object[] afterKey, int limit);

  @Override
  void close();
}
