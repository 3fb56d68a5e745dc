package dev.guise.ruleset;

import dev.guise.yaml.YNode;

/**
 * Reads the YAML mapping of one task type into its {@link Task}. Each type's reader sits next to
 * its task record and is registered once, by type name, in exec's {@code TaskKinds}.
 */
@FunctionalInterface
public interface TaskReader {
  /**
   * @param node the task's mapping, {@code type} included
   * @return the task, or null when the mapping is too broken to make one (the problems are reported
   *     to {@link TaskReading#diagnostics()})
   */
  Task read(YNode.YMap node, TaskReading ctx);
}
