package dev.guise.run;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ManagedTrigger;
import dev.guise.db.Redact;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.Step;
import dev.guise.plan.TruncateStep;
import dev.guise.schema.TableRef;
import dev.guise.yaml.Diagnostic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before a run with {@code auto_manage_triggers} changes anything: every trigger on every table it
 * writes can be switched off and brought back as it was (on MariaDB, another definer's trigger
 * needs SUPER or SET USER to be re-created). Read-only; a trigger that cannot is an error, so the
 * run is refused with nothing touched.
 */
final class TriggerCheck {
  private TriggerCheck() {}

  static List<Diagnostic> refusals(ConnectionPool pool, Step root) {
    Map<TableRef, Step> written = new LinkedHashMap<>();
    collect(root, written);
    List<Diagnostic> out = new ArrayList<>();
    try (Connection c = pool.connection()) {
      try {
        for (Map.Entry<TableRef, Step> w : written.entrySet()) {
          for (ManagedTrigger t : pool.dialect().managedTriggers(c, w.getKey())) {
            if (t.refusal() != null) {
              out.add(
                  Diagnostic.error(
                      "trigger-not-managed",
                      w.getValue().task().location(),
                      w.getKey()
                          + " - trigger "
                          + t.name()
                          + " cannot be switched off: "
                          + t.refusal()));
            }
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          pool.config().name()
              + " - cannot read the triggers of the masked tables: "
              + Redact.sqlError(e),
          e);
    }
    return out;
  }

  /** The tables the run writes, with the first task that writes each. */
  private static void collect(Step step, Map<TableRef, Step> written) {
    if (step instanceof MaskTableStep m) {
      written.putIfAbsent(m.table().ref(), m);
    } else if (step instanceof TruncateStep t) {
      written.putIfAbsent(t.table().ref(), t);
    } else if (step instanceof KeyRewriteStep k) {
      k.columns().forEach(col -> written.putIfAbsent(col.table().ref(), k));
    }
    step.children().forEach(c -> collect(c, written));
  }
}
