package dev.guise.discovery;

import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Dialect;
import dev.guise.schema.CatalogTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * One discovery over a connection: a read-only session (nothing can be written, even by mistake),
 * the catalog in bulk, then the findings.
 *
 * @param schemas exact names; empty for the connection's schema, else the session's
 * @param tableGlobs filters over table names; empty for all
 * @param sampleRows rows sampled per table (0: every row; negative: no data rules)
 * @param rules the sensitive-data rules; null for schema discovery alone (no findings)
 */
public record DiscoveryRun(
    List<String> schemas,
    List<String> tableGlobs,
    int sampleRows,
    DiscoveryRules rules,
    LocalDate today) {

  /** The report, and the schema a ruleset's unqualified table names refer to. */
  public record Result(DiscoveryReport report, String defaultSchema) {}

  public Result run(ConnectionConfig config) {
    try (ConnectionPool pool = ConnectionPool.open(config, 1, true);
        Connection c = pool.connection()) {
      return run(c, config.dialect(), config.schema());
    } catch (SQLException e) {
      throw new dev.guise.GuiseException(
          dev.guise.ErrorCode.DATABASE, config.name() + " - " + dev.guise.db.Redact.sqlError(e), e);
    }
  }

  /**
   * Discovery over a connection someone else opened (a run's task); it only reads.
   *
   * @param connectionSchema the connection's configured schema, or null
   */
  public Result run(Connection c, Dialect dialect, String connectionSchema) {
    List<String> in =
        !schemas.isEmpty()
            ? schemas
            : connectionSchema == null ? List.of() : List.of(connectionSchema);
    List<CatalogTable> tables = SchemaDiscovery.read(c, dialect, in, tableGlobs);
    DiscoveryReport report =
        rules == null
            ? new DiscoveryReport(tables, List.of(), sampleRows, List.of())
            : new SensitiveDiscovery(rules, sampleRows, today).discover(c, dialect, tables);
    String schema = connectionSchema;
    if (schema == null) {
      List<String> seen = tables.stream().map(t -> t.ref().schema()).distinct().toList();
      schema = seen.size() == 1 ? seen.get(0) : in.isEmpty() ? null : in.get(0);
    }
    return new Result(report, schema);
  }
}
