package dev.guise.run;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Dialect;
import dev.guise.db.Redact;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.Step;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code guise plan -c} shows of each masked table besides its plan, read from the engine's
 * statistics and catalog (read-only, no scan).
 *
 * @param estimatedRows the engine's estimate, or -1 when it has none
 * @param triggers triggers on the table: they fire on every row the run writes
 */
public record TableFacts(long estimatedRows, List<String> triggers) {

  /** The facts of every table a {@code mask_table} step of {@code root} writes. */
  public static Map<TableRef, TableFacts> of(RunService service, CheckRequest request, Step root) {
    List<TableRef> tables = new ArrayList<>();
    collect(root, tables);
    Map<TableRef, TableFacts> out = new LinkedHashMap<>();
    if (tables.isEmpty()) {
      return out;
    }
    ConnectionConfig config =
        service.connection(request.connectionsFile(), request.connection(), new ArrayList<>());
    if (config == null) {
      return out;
    }
    Dialect d = config.dialect();
    try (ConnectionPool pool = ConnectionPool.open(config, 1);
        Connection c = pool.connection()) {
      try {
        for (TableRef t : tables) {
          out.put(t, new TableFacts(d.estimateRows(c, t), List.copyOf(d.triggers(c, t))));
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          config.name() + " - cannot read table statistics: " + Redact.sqlError(e),
          e);
    }
    return out;
  }

  private static void collect(Step s, List<TableRef> into) {
    if (s instanceof MaskTableStep m && !into.contains(m.table().ref())) {
      into.add(m.table().ref());
    }
    if (s instanceof dev.guise.plan.KeyRewriteStep k) {
      // every table of a key family is written, so its triggers fire too
      k.byTable().keySet().stream().filter(t -> !into.contains(t)).forEach(into::add);
    }
    s.children().forEach(c -> collect(c, into));
  }
}
