package dev.guise.ruleset;

import dev.guise.yaml.Location;
import java.util.List;

/** One entry of a ruleset's {@code tasks} list. */
public sealed interface Task
    permits MaskTableTask,
        RunSqlTask,
        TruncateTableTask,
        BuildTempTableTask,
        SerialTask,
        ParallelTask {
  /** The YAML {@code type}. */
  String type();

  Location location();

  /** The table this task works on, or null. */
  default String target() {
    return null;
  }

  /** Nested tasks of {@code serial} and {@code parallel}; empty for the others. */
  default List<Task> children() {
    return List.of();
  }
}
