package dev.guise.db.mysql;

import dev.guise.db.WriteBack;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Whole rows loaded straight into a source → target run's target table with {@link LoadDataLocal}:
 * one {@code LOAD DATA LOCAL INFILE} per batch, its text encoded by {@link #prepare} while the
 * previous batch is written, its warnings checked before the caller commits.
 */
final class MySqlLoadDataInsert implements WriteBack {
  private final Connection connection;
  private final LoadDataLocal load;

  MySqlLoadDataInsert(Connection connection, LoadDataLocal load) {
    this.connection = connection;
    this.load = load;
  }

  @Override
  public int write(List<Object[]> rows) throws SQLException {
    return write(prepare(rows));
  }

  @Override
  public Batch prepare(List<Object[]> rows) {
    LoadDataLocal.Text text = load.encode(rows);
    return new Batch(rows, text.bytes());
  }

  @Override
  public int write(Batch batch) throws SQLException {
    if (batch.rows().isEmpty()) {
      return 0;
    }
    load.load(connection, batch.data(), batch.rows().size());
    return batch.rows().size();
  }

  @Override
  public void close() {
    // nothing is held between batches
  }
}
