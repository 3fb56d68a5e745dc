package dev.guise.plan;

import dev.guise.ruleset.FileTask;
import java.util.List;

/** A planned file task: its rules, resolved against each file when it is opened. */
public interface FileStep extends Step {
  @Override
  FileTask task();

  List<FileRule> rules();
}
