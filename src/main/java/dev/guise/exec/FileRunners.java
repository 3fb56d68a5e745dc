package dev.guise.exec;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.plan.MaskFileStep;
import dev.guise.plan.MaskTabularFileStep;
import dev.guise.plan.Step;

/** The runners of the file tasks, bound to a file run's folders. */
public final class FileRunners {
  private FileRunners() {}

  /** The build's runners with the file tasks' bound to {@code roots}. */
  public static StepRunners bound(StepRunners runners, FileRoots roots) {
    return runners
        .with(MaskTabularFileStep.class, new TabularFileRunner(roots))
        .with(MaskFileStep.class, new DocumentFileRunner(roots));
  }

  static FileRoots require(FileRoots roots, Step step) {
    if (roots == null) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          step.task().location()
              + " - "
              + step.task().type()
              + " masks files: run it with --source and --target file connections");
    }
    return roots;
  }
}
