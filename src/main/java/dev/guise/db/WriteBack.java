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

  @Override
  void close() throws SQLException;
}
