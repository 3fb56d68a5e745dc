package dev.guise.exec;

import dev.guise.db.ColumnValues;
import dev.guise.db.Redact;
import dev.guise.db.WriteBack;
import dev.guise.exec.RunEvent.Counts;
import dev.guise.schema.ColumnInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Masked rows written back in place with the engine's {@link WriteBack}, each batch committed in
 * its own transaction on a connection of its own. Without a write-back (a dry run) nothing is
 * written and each batch only ends the transaction. With a checkpoint, the task's progress row is
 * updated in each batch's transaction, right before its commit.
 */
final class JdbcRowSink implements RowSink {
  private final Connection connection;
  private final WriteBack writer;
  private final List<ColumnInfo> written;
  private final int keySize;
  private final String table;
  private final TaskCheckpoint checkpoint;
  private final long batchesBefore;
  private long committed;

  /**
   * @param writer null for a dry run
   * @param written the columns after the key in each row, in order
   * @param checkpoint null to keep none (a dry run)
   * @param batchesBefore batches a continued run committed
   */
  JdbcRowSink(
      Connection connection,
      WriteBack writer,
      List<ColumnInfo> written,
      int keySize,
      String table,
      TaskCheckpoint checkpoint,
      long batchesBefore) {
    this.checkpoint = checkpoint;
    this.batchesBefore = batchesBefore;
    this.connection = connection;
    this.writer = writer;
    this.written = written;
    this.keySize = keySize;
    this.table = table;
  }

  @Override
  public Prepared prepare(List<Object[]> rows) {
    if (writer == null) {
      return (before, batch, lastKey) -> endTransaction();
    }
    if (rows.isEmpty()) {
      // nothing to write, yet the rows read (all skipped) move the checkpoint on
      return (before, batch, lastKey) -> write(null, before, batch, lastKey);
    }
    for (Object[] row : rows) {
      for (int i = 0; i < written.size(); i++) {
        row[keySize + i] = coerce(row[keySize + i], written.get(i), row);
      }
    }
    // encoded here, while the writer still works on the previous batch: the writer's time
    // sets the pipeline's pace, and the masking thread would otherwise wait for it
    WriteBack.Batch batch = writer.prepare(rows);
    return (before, counts, lastKey) -> write(batch, before, counts, lastKey);
  }

  private long write(WriteBack.Batch batch, Counts before, Counts counts, List<Object> lastKey) {
    try {
      long updated = batch == null ? 0 : writer.write(batch);
      if (checkpoint != null) {
        Counts task =
            before.plus(new Counts(counts.read(), counts.masked(), updated, counts.skipped()));
        checkpoint.save(connection, task, lastKey, batchesBefore + committed + 1);
        checkpoint.checkLocks(); // a run whose lock passed to another must not commit a batch
      }
      connection.commit();
      committed++;
      return updated;
    } catch (SQLException e) {
      rollbackQuietly();
      throw new TaskFailure(
          table
              + " - writing the batch "
              + (batch == null
                  ? "ending at key " + lastKey
                  : "starting at key " + TaskFailure.key(batch.rows().get(0), keySize))
              + " failed: "
              + Redact.sqlError(e)
              + "; earlier batches are committed ("
              + committed
              + "), this and later ones are untouched",
          e);
    }
  }

  private long endTransaction() {
    try {
      connection.rollback();
      if (writer != null) {
        committed++; // an empty batch counts as committed, as the record has always said
      }
      return 0;
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    }
  }

  private Object coerce(Object v, ColumnInfo col, Object[] row) {
    try {
      return ColumnValues.coerce(v, col);
    } catch (ColumnValues.DoesNotFit e) {
      throw new TaskFailure(
          table
              + "."
              + col.name()
              + " - row with key "
              + TaskFailure.key(row, keySize)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is what the user needs to see
    }
  }

  @Override
  public void close() {
    try {
      try {
        if (writer != null) {
          writer.close();
        }
      } finally {
        connection.close();
      }
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    }
  }
}
