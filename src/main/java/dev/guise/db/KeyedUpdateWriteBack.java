package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The portable write-back: one {@code UPDATE ... SET ... WHERE key = ?} per row, sent as a JDBC
 * batch. Engines with a faster set-based path use it only as a fallback.
 */
public final class KeyedUpdateWriteBack implements WriteBack {
  private final Dialect dialect;
  private final PreparedStatement ps;
  private final List<ColumnInfo> key;
  private final List<ColumnInfo> columns;

  public KeyedUpdateWriteBack(
      Dialect dialect, Connection c, TableRef table, List<ColumnInfo> key, List<ColumnInfo> columns)
      throws SQLException {
    this.dialect = dialect;
    this.key = key;
    this.columns = columns;
    String set =
        String.join(", ", columns.stream().map(col -> dialect.quote(col.name()) + " = ?").toList());
    String where =
        String.join(" AND ", key.stream().map(col -> dialect.quote(col.name()) + " = ?").toList());
    this.ps =
        c.prepareStatement(
            "UPDATE " + dialect.qualified(table) + " SET " + set + " WHERE " + where);
  }

  @Override
  public int write(List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    for (Object[] row : rows) {
      int idx = 1;
      for (int i = 0; i < columns.size(); i++) {
        dialect.bind(ps, idx++, row[key.size() + i], columns.get(i));
      }
      for (int i = 0; i < key.size(); i++) {
        dialect.bind(ps, idx++, row[i], key.get(i));
      }
      ps.addBatch();
    }
    int total = 0;
    for (int n : ps.executeBatch()) {
      total += n == PreparedStatement.SUCCESS_NO_INFO ? 1 : n;
    }
    return total;
  }

  @Override
  public void close() throws SQLException {
    ps.close();
  }
}
