package dev.guise.ruleset;

import dev.guise.yaml.Location;
import java.util.List;

/**
 * One entry of a ruleset's {@code tasks} list. Open, not sealed: a task type is added by
 * registering its reader, planner and runner once in exec's {@code TaskKinds}, not by editing this
 * file.
 */
public interface Task {
  /** The YAML {@code type}. */
  String type();

  Location location();

  /** The table this task works on, or null. */
  default String target() {
    return null;
  }

  /**
   * Runs even after a task failed or the run was cancelled (run_sql's {@code always: true}), e.g.
   * to re-enable triggers that an earlier task disabled.
   */
  default boolean always() {
    return false;
  }

  /**
   * The masking this task does, as a {@code mask_table} (itself, or the one a {@code
   * mask_unique_key} plans as), for the checks that read rules: coverage, privileges, the plan
   * tree; null for a task that masks no table.
   */
  default MaskTableTask asMaskTable() {
    return null;
  }

  /** Nested tasks of {@code serial} and {@code parallel}; empty for the others. */
  default List<Task> children() {
    return List.of();
  }
}
