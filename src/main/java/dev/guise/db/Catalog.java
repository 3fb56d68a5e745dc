package dev.guise.db;

import dev.guise.schema.CatalogTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads whole schemas from the engine's catalog in a few bulk queries (tables, columns, keys and
 * indexes, foreign keys), never one metadata call per table. Memory grows with the size of the
 * catalog, never with the data.
 */
public interface Catalog {
  /**
   * The base tables of the schemas (on MySQL and MariaDB, databases) in name order, foreign keys in
   * both directions (a key from or to a schema outside the list is kept on the side inside).
   *
   * @param schemas exact schema names; empty for the session's current schema
   */
  List<CatalogTable> read(Connection c, List<String> schemas) throws SQLException;
}
