package dev.guise.exec;

import dev.guise.db.BatchQuery;
import dev.guise.db.Dialect;
import dev.guise.db.KeysetQuery;
import dev.guise.db.KeysetSql;
import dev.guise.db.RawRows;
import dev.guise.schema.ColumnInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows read with keyset pagination over a connection of its own: each batch in its own read
 * transaction (ended after the batch, so no snapshot is held between batches).
 */
final class JdbcRowSource implements RowSource {
  private final Connection connection;
  private final Dialect dialect;
  private final BatchQuery query;
  private final List<ColumnInfo> columns;
  private final List<ColumnInfo> key;
  private final int batchSize;
  private final String table;
  private final KeysetQuery first;
  private final KeysetQuery next;
  private final Object[] upTo;
  private RawRows raw;

  /**
   * @param columns the row layout's columns, key first
   * @param table the table for messages
   * @param upTo the last key to read (included): one key range of a table that several workers mask
   *     at once; null for the table's end
   */
  JdbcRowSource(
      Connection connection,
      Dialect dialect,
      BatchQuery query,
      List<ColumnInfo> columns,
      List<ColumnInfo> key,
      int batchSize,
      String table,
      Object[] upTo) {
    this.connection = connection;
    this.dialect = dialect;
    this.query = query;
    this.columns = columns;
    this.key = key;
    this.batchSize = batchSize;
    this.table = table;
    this.first = dialect.keysetQuery(query, false, upTo, batchSize);
    this.next = dialect.keysetQuery(query, true, upTo, batchSize);
    this.upTo = upTo;
  }

  /**
   * Reads whole rows in the engine's bulk format instead ({@link RawRows}): the columns it does not
   * decode reach the sink as the source sent them.
   */
  JdbcRowSource passingThrough(RawRows rows) {
    this.raw = rows;
    return this;
  }

  @Override
  public long count() {
    try {
      try (PreparedStatement ps = connection.prepareStatement(dialect.countRows(query));
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    }
  }

  @Override
  public List<Object[]> read(Object[] afterKey, int limit) {
    if (raw != null) {
      return readRaw(afterKey, limit);
    }
    try {
      List<Object[]> rows = new ArrayList<>(Math.min(limit, 65_536));
      KeysetQuery q = afterKey == null ? first : next;
      try (PreparedStatement ps = connection.prepareStatement(q.sql())) {
        ps.setFetchSize(Math.min(limit, 10_000));
        if (limit < batchSize) {
          ps.setMaxRows(limit);
        }
        q.binder().bind(ps, afterKey, key); // the first batch's binds only a range's end
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && rows.size() < limit) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
              row[i] = dialect.read(rs, i + 1, columns.get(i));
            }
            rows.add(row);
          }
        }
      } finally {
        connection.rollback(); // the reader only reads: end its transaction (and snapshot)
      }
      return rows;
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    }
  }

  private List<Object[]> readRaw(Object[] afterKey, int limit) {
    try {
      try {
        return raw.read(
            connection,
            KeysetSql.rangeWithLiterals(dialect, query, afterKey, upTo, limit, raw::literal),
            limit);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    } catch (IllegalStateException e) {
      // the engine's bulk output did not parse (it never should): the task fails naming the table
      throw new TaskFailure(
          table + " - " + e.getMessage() + "; nothing of this batch is written", e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw TaskFailure.sql(table, e);
    }
  }
}
