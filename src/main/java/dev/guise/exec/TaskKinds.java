package dev.guise.exec;

import dev.guise.plan.BuildTempTableStep;
import dev.guise.plan.CopyTableStep;
import dev.guise.plan.DataDiscoveryStep;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.plan.MaskFileStep;
import dev.guise.plan.MaskTablePlanner;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.MaskTabularFileStep;
import dev.guise.plan.MaskUniqueKeyPlanner;
import dev.guise.plan.ParallelStep;
import dev.guise.plan.RunSqlStep;
import dev.guise.plan.SchemaDiscoveryStep;
import dev.guise.plan.SerialStep;
import dev.guise.plan.StepPlanners;
import dev.guise.plan.TruncateStep;
import dev.guise.ruleset.BuildTempTableTask;
import dev.guise.ruleset.CopyTableTask;
import dev.guise.ruleset.DataDiscoveryTask;
import dev.guise.ruleset.MaskFileTask;
import dev.guise.ruleset.MaskTableReader;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.MaskTabularFileTask;
import dev.guise.ruleset.MaskUniqueKeyTask;
import dev.guise.ruleset.ParallelTask;
import dev.guise.ruleset.RunSqlTask;
import dev.guise.ruleset.SchemaDiscoveryTask;
import dev.guise.ruleset.SerialTask;
import dev.guise.ruleset.TaskReader;
import dev.guise.ruleset.TruncateTableTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task types of this build, each registered once with what reads, plans and runs it. The
 * parser, the planner and the executor all take their lookups from here, so a type is either fully
 * handled or not registered at all; a clash (two kinds with one name or one class) fails at
 * start-up.
 *
 * <p>A new task type: a {@code Task} record with its reader (ruleset/), a {@code Step} record with
 * its planner (plan/), a {@link StepRunner} (exec/), and one line below.
 */
public final class TaskKinds {
  public static final TaskKinds BUILT_IN =
      new TaskKinds(
          List.of(
              new TaskKind<>(
                  MaskTableTask.TYPE,
                  MaskTableReader::read,
                  MaskTableTask.class,
                  MaskTablePlanner::plan,
                  MaskTableStep.class,
                  new MaskTableStepRunner()),
              new TaskKind<>(
                  RunSqlTask.TYPE,
                  RunSqlTask::read,
                  RunSqlTask.class,
                  RunSqlStep::plan,
                  RunSqlStep.class,
                  new RunSqlRunner()),
              new TaskKind<>(
                  TruncateTableTask.TYPE,
                  TruncateTableTask::read,
                  TruncateTableTask.class,
                  TruncateStep::plan,
                  TruncateStep.class,
                  new TruncateRunner()),
              new TaskKind<>(
                  BuildTempTableTask.TYPE,
                  BuildTempTableTask::read,
                  BuildTempTableTask.class,
                  BuildTempTableStep::plan,
                  BuildTempTableStep.class,
                  new BuildTempTableRunner()),
              new TaskKind<>(
                  SerialTask.TYPE,
                  SerialTask::read,
                  SerialTask.class,
                  SerialStep::plan,
                  SerialStep.class,
                  new SerialRunner()),
              new TaskKind<>(
                  ParallelTask.TYPE,
                  ParallelTask::read,
                  ParallelTask.class,
                  ParallelStep::plan,
                  ParallelStep.class,
                  new ParallelRunner()),
              new TaskKind<>(
                  SchemaDiscoveryTask.TYPE,
                  SchemaDiscoveryTask::read,
                  SchemaDiscoveryTask.class,
                  SchemaDiscoveryStep::plan,
                  SchemaDiscoveryStep.class,
                  new SchemaDiscoveryRunner()),
              new TaskKind<>(
                  DataDiscoveryTask.TYPE,
                  DataDiscoveryTask::read,
                  DataDiscoveryTask.class,
                  DataDiscoveryStep::plan,
                  DataDiscoveryStep.class,
                  new DataDiscoveryRunner()),
              // a mask_table rule with a unique mask on a key column plans into this step too
              new TaskKind<>(
                  MaskUniqueKeyTask.TYPE,
                  MaskUniqueKeyTask::read,
                  MaskUniqueKeyTask.class,
                  MaskUniqueKeyPlanner::plan,
                  KeyRewriteStep.class,
                  new KeyRewriteRunner()),
              new TaskKind<>(
                  CopyTableTask.TYPE,
                  CopyTableTask::read,
                  CopyTableTask.class,
                  CopyTableStep::plan,
                  CopyTableStep.class,
                  new CopyTableRunner()),
              // file tasks run only in a file run, which binds them to its folders (FileRunners)
              new TaskKind<>(
                  MaskTabularFileTask.TYPE,
                  MaskTabularFileTask::read,
                  MaskTabularFileTask.class,
                  MaskTabularFileStep::plan,
                  MaskTabularFileStep.class,
                  new TabularFileRunner(null)),
              new TaskKind<>(
                  MaskFileTask.TYPE,
                  MaskFileTask::read,
                  MaskFileTask.class,
                  MaskFileStep::plan,
                  MaskFileStep.class,
                  new DocumentFileRunner(null))));

  private final List<TaskKind<?, ?>> kinds;
  private final Map<String, TaskReader> readers;
  private final List<StepPlanners.Registration<?>> planners;
  private final StepRunners runners;

  /**
   * @throws IllegalArgumentException when two kinds share a name, a task class or a step class
   */
  public TaskKinds(List<TaskKind<?, ?>> kinds) {
    this.kinds = List.copyOf(kinds);
    Set<Object> seen = new HashSet<>();
    Map<String, TaskReader> r = new LinkedHashMap<>();
    List<StepPlanners.Registration<?>> p = new ArrayList<>();
    StepRunners s = StepRunners.NONE;
    for (TaskKind<?, ?> k : this.kinds) {
      for (Object key : List.of("type " + k.type(), k.task(), k.step())) {
        if (!seen.add(key)) {
          throw new IllegalArgumentException(
              "task kind '" + k.type() + "' - " + key + " is registered twice");
        }
      }
      r.put(k.type(), k.reader());
      p.add(registration(k));
      s = bind(s, k);
    }
    this.readers = Collections.unmodifiableMap(r);
    this.planners = List.copyOf(p);
    this.runners = s;
  }

  private static <T extends dev.guise.ruleset.Task> StepPlanners.Registration<T> registration(
      TaskKind<T, ?> k) {
    return new StepPlanners.Registration<>(k.task(), k.planner());
  }

  private static <S extends dev.guise.plan.Step> StepRunners bind(
      StepRunners runners, TaskKind<?, S> k) {
    return runners.with(k.step(), k.runner());
  }

  /** The kinds, in the order messages list their types. */
  public List<TaskKind<?, ?>> all() {
    return kinds;
  }

  /** What the parser reads, by YAML {@code type}. */
  public Map<String, TaskReader> readers() {
    return readers;
  }

  /** What the planner plans, by task class. */
  public List<StepPlanners.Registration<?>> planners() {
    return planners;
  }

  /** What the executor runs, by step class. */
  public StepRunners runners() {
    return runners;
  }
}
