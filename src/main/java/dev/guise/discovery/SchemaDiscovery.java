package dev.guise.discovery;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.Dialect;
import dev.guise.db.Redact;
import dev.guise.schema.CatalogTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/** Schema discovery: the tables of some schemas from the engine's catalog, filtered by globs. */
public final class SchemaDiscovery {
  private SchemaDiscovery() {}

  /**
   * @param schemas exact names; empty for the connection's schema (or the session's)
   * @param tableGlobs {@code *}/{@code ?} globs over {@code table} or {@code schema.table},
   *     case-insensitive; empty for every table
   */
  public static List<CatalogTable> read(
      Connection c, Dialect dialect, List<String> schemas, List<String> tableGlobs) {
    List<Pattern> globs = tableGlobs.stream().map(Glob::toPattern).toList();
    try {
      List<CatalogTable> all = dialect.catalog().read(c, schemas);
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      return globs.isEmpty()
          ? all
          : all.stream()
              .filter(
                  t ->
                      globs.stream()
                          .anyMatch(
                              g ->
                                  g.matcher(t.ref().name()).matches()
                                      || g.matcher(t.ref().toString()).matches()))
              .toList();
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          "schema discovery - cannot read the catalog of "
              + (schemas.isEmpty() ? "the current schema" : String.join(", ", schemas))
              + ": "
              + Redact.sqlError(e),
          e);
    }
  }
}
