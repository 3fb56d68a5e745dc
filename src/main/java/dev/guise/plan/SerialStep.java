package dev.guise.plan;

import dev.guise.ruleset.SerialTask;
import dev.guise.ruleset.Task;
import java.util.List;

/** Children run one after another. The whole ruleset is a serial step with id {@code ""}. */
public record SerialStep(String id, Task task, List<Step> children) implements Step {
  public static SerialStep plan(SerialTask s, String id, PlanContext ctx) {
    return new SerialStep(id, s, ctx.steps(s.tasks(), id));
  }

  @Override
  public String describe() {
    return "serial";
  }
}
