package dev.guise.db;

import java.sql.SQLException;
import java.util.List;

/**
 * Writes one batch of masked rows back to a table, keyed on the task's key. Implementations are
 * set-based where the engine allows (a staging table and one UPDATE ... FROM/JOIN) and never
 * commit: the caller commits each batch.
 */
public interface WriteBack extends AutoCloseable {
  /**
   * @param rows each row is the key values followed by the new column values, in the order given
   *     when the write-back was created
   * @return rows updated
   */
  int write(List<Object[]> rows) throws SQLException;

  /**
   * A batch as {@link #prepare} made it: the rows, and the bytes a bulk load sends for them ({@code
   * data} null when the write-back sends the rows themselves).
   */
  record Batch(List<Object[]> rows, TextBytes data) {}

  /**
   * Encodes a batch for {@link #write(Batch)} without touching the connection, so a caller may
   * prepare the next batch on its own thread while this one is being written.
   */
  default Batch prepare(List<Object[]> rows) {
    return new Batch(rows, null);
  }

  /** Writes a batch {@link #prepare} made; as {@link #write(List)} otherwise. */
  default int write(Batch batch) throws SQLException {
    return write(batch.rows());
  }

  /**
   * Why this writer is a slower path than the engine's bulk load (the server refused it), as one
   * line for the run log naming the table; null when it is the engine's usual path.
   */
  default String fallback() {
    return null;
  }

  @Override
  void close() throws SQLException;
}
