package dev.guise.exec;

import dev.guise.db.ConnectionPool;
import dev.guise.schema.TableInfo;
import java.util.Map;

/**
 * What a source → target run needs beyond an in-place one: the source, opened read-only, and the
 * target table of each table task, resolved and checked before the run starts.
 *
 * @param targets each mask_table and copy_table step's target table, by step id
 */
public record Transfer(ConnectionPool source, Map<String, TableInfo> targets) {
  public Transfer {
    targets = Map.copyOf(targets);
  }

  /** The target table of a step; a step without one was not checked, a bug. */
  TableInfo target(String stepId) {
    TableInfo t = targets.get(stepId);
    if (t == null) {
      throw new IllegalStateException("step " + stepId + " has no checked target table");
    }
    return t;
  }
}
