package dev.guise.ruleset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The task types this build reads, by YAML {@code type}; the exec registry composes these. */
public final class TaskReaders {
  /** In the order that messages list the types. */
  public static final Map<String, TaskReader> BUILT_IN = builtIn();

  private TaskReaders() {}

  private static Map<String, TaskReader> builtIn() {
    Map<String, TaskReader> m = new LinkedHashMap<>();
    m.put(MaskTableTask.TYPE, MaskTableReader::read);
    m.put(RunSqlTask.TYPE, RunSqlTask::read);
    m.put(TruncateTableTask.TYPE, TruncateTableTask::read);
    m.put(BuildTempTableTask.TYPE, BuildTempTableTask::read);
    m.put(SerialTask.TYPE, SerialTask::read);
    m.put(ParallelTask.TYPE, ParallelTask::read);
    return Collections.unmodifiableMap(m);
  }
}
