package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import java.util.List;

/** {@code parallel}: nested tasks run concurrently, bounded by the run's worker count. */
public record ParallelTask(List<Task> tasks, Location location) implements Task {
  public static final String TYPE = "parallel";

  public static ParallelTask read(YNode.YMap map, TaskReading ctx) {
    List<YNode> items = ctx.fields(map, TYPE, "tasks").items("tasks", true);
    return new ParallelTask(List.copyOf(ctx.tasks(items, TYPE)), map.location());
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<Task> children() {
    return tasks;
  }
}
