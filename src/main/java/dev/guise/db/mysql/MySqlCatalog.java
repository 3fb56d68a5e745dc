package dev.guise.db.mysql;

import dev.guise.db.CatalogQueries;
import dev.guise.schema.ColumnCategory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * MySQL's and MariaDB's catalog from information_schema, where a schema is a database; the row
 * estimate is InnoDB's {@code table_rows}.
 */
final class MySqlCatalog extends CatalogQueries {
  @Override
  protected String tablesSql() {
    return "SELECT table_schema, table_name, table_rows FROM information_schema.tables"
        + " WHERE table_type = 'BASE TABLE' AND table_schema IN ({schemas})";
  }

  @Override
  protected String columnsSql() {
    return "SELECT table_schema, table_name, column_name, data_type, column_type,"
        + " character_maximum_length, numeric_precision, numeric_scale, is_nullable = 'YES'"
        + " FROM information_schema.columns WHERE table_schema IN ({schemas})"
        + " ORDER BY table_schema, table_name, ordinal_position";
  }

  @Override
  protected String indexesSql() {
    return "SELECT table_schema, table_name, index_name, index_name = 'PRIMARY', non_unique = 0,"
        + " column_name FROM information_schema.statistics WHERE table_schema IN ({schemas})"
        + " ORDER BY table_schema, table_name, index_name, seq_in_index";
  }

  @Override
  protected String foreignKeysSql() {
    return "SELECT constraint_name, table_schema, table_name, column_name,"
        + " referenced_table_schema, referenced_table_name, referenced_column_name"
        + " FROM information_schema.key_column_usage WHERE referenced_table_name IS NOT NULL"
        + " AND (table_schema IN ({schemas}) OR referenced_table_schema IN ({schemas}))"
        + " ORDER BY table_schema, table_name, constraint_name, ordinal_position";
  }

  @Override
  protected String currentSchema(Connection c) throws SQLException {
    return c.getCatalog();
  }

  /** {@code tinyint(1)} and {@code bit(1)} are how BOOLEAN is stored. */
  @Override
  protected ColumnCategory category(String dataType, String fullType) {
    String full = fullType == null ? "" : fullType.toLowerCase(Locale.ROOT);
    if (full.startsWith("tinyint(1)") || full.equals("bit(1)")) {
      return ColumnCategory.BOOLEAN;
    }
    return super.category(dataType, fullType);
  }
}
