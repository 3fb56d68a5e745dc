package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The portable bulk insert of whole rows: one {@code INSERT ... VALUES (?, ...)} sent as a JDBC
 * batch per batch of rows (H2's fastest path, and the fallback of engines with a bulk load).
 */
public final class BatchedInsert implements WriteBack {
  private final Dialect dialect;
  private final PreparedStatement ps;
  private final List<ColumnInfo> columns;
  private final String fallback;

  BatchedInsert(Dialect dialect, Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    this(dialect, c, table, columns, null);
  }

  /**
   * The fallback of an engine whose bulk load was refused.
   *
   * @param fallback why, for the run log (see {@link WriteBack#fallback})
   */
  public BatchedInsert(
      Dialect dialect, Connection c, TableRef table, List<ColumnInfo> columns, String fallback)
      throws SQLException {
    this.dialect = dialect;
    this.columns = columns;
    this.fallback = fallback;
    this.ps = c.prepareStatement(sql(dialect, table, columns));
  }

  @Override
  public String fallback() {
    return fallback;
  }

  static String sql(Dialect d, TableRef table, List<ColumnInfo> columns) {
    return "INSERT INTO "
        + d.qualified(table)
        + " ("
        + StagingTableSql.columnList(d, columns)
        + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
        + ")";
  }

  @Override
  public int write(List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    for (Object[] row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        dialect.bind(ps, i + 1, row[i], columns.get(i));
      }
      ps.addBatch();
    }
    ps.executeBatch();
    return rows.size();
  }

  @Override
  public void close() throws SQLException {
    ps.close();
  }
}
