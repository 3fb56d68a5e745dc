package dev.guise.db.h2;

import dev.guise.db.CatalogQueries;
import java.sql.Connection;
import java.sql.SQLException;

/** H2's catalog from its INFORMATION_SCHEMA (H2 2.x names). */
final class H2Catalog extends CatalogQueries {
  @Override
  protected String tablesSql() {
    return "SELECT TABLE_SCHEMA, TABLE_NAME, ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA IN ({schemas})";
  }

  @Override
  protected String columnsSql() {
    return "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, NULL,"
        + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE = 'YES'"
        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA IN ({schemas})"
        + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION";
  }

  @Override
  protected String indexesSql() {
    return "SELECT i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME = 'PRIMARY KEY',"
        + " i.INDEX_TYPE_NAME IN ('PRIMARY KEY', 'UNIQUE INDEX'), c.COLUMN_NAME"
        + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
        + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
        + " AND c.TABLE_NAME = i.TABLE_NAME WHERE i.TABLE_SCHEMA IN ({schemas})"
        + " ORDER BY i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION";
  }

  @Override
  protected String foreignKeysSql() {
    return "SELECT k.CONSTRAINT_NAME, k.TABLE_SCHEMA, k.TABLE_NAME, k.COLUMN_NAME,"
        + " u.TABLE_SCHEMA, u.TABLE_NAME, u.COLUMN_NAME"
        + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r"
        + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA"
        + " AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME"
        + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE u"
        + " ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA"
        + " AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME"
        + " AND u.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT"
        + " WHERE k.TABLE_SCHEMA IN ({schemas}) OR u.TABLE_SCHEMA IN ({schemas})"
        + " ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";
  }

  @Override
  protected String currentSchema(Connection c) throws SQLException {
    return c.getSchema();
  }
}
