package dev.guise.ruleset;

import dev.guise.yaml.Location;
import java.util.List;

/** {@code parallel}: nested tasks run concurrently, bounded by the run's worker count. */
public record ParallelTask(List<Task> tasks, Location location) implements Task {
  public static final String TYPE = "parallel";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<Task> children() {
    return tasks;
  }
}
