package dev.guise.exec;

import dev.guise.plan.Step;
import dev.guise.plan.StepPlanner;
import dev.guise.ruleset.Task;
import dev.guise.ruleset.TaskReader;
import java.util.Objects;

/**
 * One task type, registered once in {@link TaskKinds}: its YAML {@code type} and what reads, plans
 * and runs it.
 *
 * @param task the ruleset record its reader makes
 * @param step the step record its planner makes and its runner runs
 */
public record TaskKind<T extends Task, S extends Step>(
    String type,
    TaskReader reader,
    Class<T> task,
    StepPlanner<T> planner,
    Class<S> step,
    StepRunner<S> runner) {
  public TaskKind {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reader, type + ": reader");
    Objects.requireNonNull(task, type + ": task class");
    Objects.requireNonNull(planner, type + ": planner");
    Objects.requireNonNull(step, type + ": step class");
    Objects.requireNonNull(runner, type + ": runner");
  }
}
