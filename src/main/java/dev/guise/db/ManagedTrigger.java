package dev.guise.db;

import dev.guise.schema.TableRef;
import java.util.List;

/**
 * A user trigger a run switches off while it writes the trigger's table ({@code
 * auto_manage_triggers}), with the statements that switch it off and the ones that bring it back
 * exactly as it was. The restore statements go into the change manifest before the trigger is
 * touched, and must be safe to run twice.
 *
 * @param table the table the trigger is on
 * @param name the trigger's name as the engine stores it
 * @param disable what switches it off (PostgreSQL: {@code DISABLE TRIGGER}; MariaDB and H2, which
 *     have no disable: {@code DROP TRIGGER})
 * @param restore what brings it back, one statement each (a trigger body may hold semicolons)
 * @param refusal null when the run may switch it off and bring it back; otherwise why it may not
 *     (e.g. re-creating another definer's trigger needs a privilege the user lacks) and what to do
 */
public record ManagedTrigger(
    TableRef table, String name, List<String> disable, List<String> restore, String refusal) {
  public ManagedTrigger {
    disable = List.copyOf(disable);
    restore = List.copyOf(restore);
  }

  /** A trigger the run must not touch, for {@code refusal}. */
  public static ManagedTrigger refused(TableRef table, String name, String refusal) {
    return new ManagedTrigger(table, name, List.of(), List.of(), refusal);
  }

  /** The name the change manifest records it under: {@code schema.table.trigger}. */
  public String objectName() {
    return table + "." + name;
  }
}
