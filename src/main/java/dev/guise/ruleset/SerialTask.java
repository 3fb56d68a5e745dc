package dev.guise.ruleset;

import dev.guise.yaml.Location;
import java.util.List;

/** {@code serial}: nested tasks in order (useful inside {@code parallel}). */
public record SerialTask(List<Task> tasks, Location location) implements Task {
  public static final String TYPE = "serial";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<Task> children() {
    return tasks;
  }
}
