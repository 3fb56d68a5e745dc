package dev.guise.plan;

import dev.guise.ruleset.Task;
import java.util.List;

/** Children run concurrently, bounded by the run's worker count. */
public record ParallelStep(String id, Task task, List<Step> children) implements Step {
  @Override
  public String describe() {
    return "parallel";
  }
}
