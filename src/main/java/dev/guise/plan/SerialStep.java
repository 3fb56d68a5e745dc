package dev.guise.plan;

import dev.guise.ruleset.Task;
import java.util.List;

/** Children run one after another. The whole ruleset is a serial step with id {@code ""}. */
public record SerialStep(String id, Task task, List<Step> children) implements Step {
  @Override
  public String describe() {
    return "serial";
  }
}
