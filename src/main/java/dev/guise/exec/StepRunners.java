package dev.guise.exec;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.plan.Step;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which {@link StepRunner} runs each step class. Immutable. */
public final class StepRunners {
  /** No runner at all: the start for a set of one's own. */
  public static final StepRunners NONE = new StepRunners(Map.of());

  /** A runner with the class it casts to, so a lookup never needs an unchecked cast. */
  private record Binding<S extends Step>(Class<S> type, StepRunner<S> runner) {
    RunStatus run(Step s, StepContext ctx) {
      return runner.run(type.cast(s), ctx);
    }

    String target(Step s) {
      return runner.target(type.cast(s));
    }
  }

  private final Map<Class<?>, Binding<?>> byClass;

  private StepRunners(Map<Class<?>, Binding<?>> byClass) {
    this.byClass = byClass;
  }

  /** These runners and {@code runner} for {@code type} (replacing any it had). */
  public <S extends Step> StepRunners with(Class<S> type, StepRunner<S> runner) {
    Map<Class<?>, Binding<?>> m = new LinkedHashMap<>(byClass);
    m.put(type, new Binding<>(type, runner));
    return new StepRunners(Map.copyOf(m));
  }

  /** Fails with a clear message when a step of the tree has no runner. */
  void check(Step step) {
    binding(step);
    step.children().forEach(this::check);
  }

  RunStatus run(Step step, StepContext ctx) {
    return binding(step).run(step, ctx);
  }

  String target(Step step) {
    return binding(step).target(step);
  }

  boolean runsChildren(Step step) {
    return binding(step).runner().runsChildren();
  }

  private Binding<?> binding(Step step) {
    Binding<?> b = byClass.get(step.getClass());
    if (b == null) {
      throw new GuiseException(
          ErrorCode.INTERNAL,
          "task "
              + step.id()
              + " ("
              + step.task().type()
              + ") - no runner for "
              + step.getClass().getSimpleName()
              + "; this task type cannot run in this build");
    }
    return b;
  }
}
