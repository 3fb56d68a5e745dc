package dev.guise.exec;

import dev.guise.db.ChangeManifest;
import dev.guise.db.ProgressTable;
import dev.guise.db.TableLocks;
import java.util.Map;

/**
 * Where a run keeps its checkpoints: the progress table in the target database, the run's identity
 * written into each row, and, for a resumed run, the rows of the run it continues (by task id).
 *
 * @param table null when the run keeps none (a dry run, or an embedding that wants none)
 * @param resumedFrom the run continued, or null
 * @param resumed the continued run's rows by task id; empty for a new run
 * @param locks the run's locks, checked before each batch commits; null when it holds none
 * @param manifest where the run records its schema changes before making them; null for none
 */
public record Checkpoints(
    ProgressTable table,
    String runId,
    String host,
    long pid,
    String resumedFrom,
    Map<String, ProgressTable.Row> resumed,
    TableLocks locks,
    ChangeManifest manifest) {
  public Checkpoints {
    resumed = Map.copyOf(resumed);
  }

  /** No checkpoints at all. */
  public static Checkpoints none() {
    return new Checkpoints(null, null, null, 0, null, Map.of(), null, null);
  }

  /** The same checkpoints, with the locks the run took. */
  public Checkpoints withLocks(TableLocks l) {
    return new Checkpoints(table, runId, host, pid, resumedFrom, resumed, l, manifest);
  }

  public boolean enabled() {
    return table != null;
  }
}
