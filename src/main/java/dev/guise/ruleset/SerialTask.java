package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import java.util.List;

/** {@code serial}: nested tasks in order (useful inside {@code parallel}). */
public record SerialTask(List<Task> tasks, Location location) implements Task {
  public static final String TYPE = "serial";

  public static SerialTask read(YNode.YMap map, TaskReading ctx) {
    List<YNode> items = ctx.fields(map, TYPE, "tasks").items("tasks", true);
    return new SerialTask(List.copyOf(ctx.tasks(items, TYPE)), map.location());
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
