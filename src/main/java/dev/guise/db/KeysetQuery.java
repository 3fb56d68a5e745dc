package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A keyset-paginated read: its SQL and the binder that fills its parameters with the previous
 * batch's last key. They come from the dialect together, so an engine that writes the key condition
 * differently binds it its own way too.
 */
public record KeysetQuery(String sql, Binder binder) {

  /** Fills the parameters of a {@link KeysetQuery}'s SQL. */
  @FunctionalInterface
  public interface Binder {
    /** Binds nothing: the first batch, which starts at the beginning of the key order. */
    Binder NONE = (ps, lastKey, keyColumns) -> {};

    /**
     * Binds the last key read, from parameter 1 on.
     *
     * @param lastKey the key values of the previous batch's last row, in key order
     * @param keyColumns the key columns, in the same order
     */
    void bind(PreparedStatement ps, Object[] lastKey, List<ColumnInfo> keyColumns)
        throws SQLException;
  }
}
