package dev.guise.exec;

import dev.guise.files.FileWalk;
import dev.guise.plan.Step;
import dev.guise.ruleset.FileSelection;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * A file task's runner: {@link FileTaskLoop} over the files it selects, each masked by {@link
 * #mask}. Bound to a file run's folders; the build's registry holds one without folders, which
 * refuses to run (a file task belongs in a file run).
 */
abstract class FileStepRunner<S extends Step> implements StepRunner<S> {
  /** Null in the build's registry. */
  final FileRoots roots;

  FileStepRunner(FileRoots roots) {
    this.roots = roots;
  }

  abstract FileSelection selection(S step);

  /** The file types the task takes, by extension. */
  abstract Set<String> types();

  /** The task's {@code file_type}, or null to go by extension. */
  abstract String fileType(S step);

  /** Masks one file (see {@link FileTaskLoop.FileMasker}). */
  abstract long mask(
      S step,
      FileWalk.Found file,
      String type,
      OutputStream out,
      FileTaskLoop.FileCounter counter,
      StepContext ctx)
      throws IOException;

  @Override
  public final RunStatus run(S step, StepContext ctx) {
    FileRoots r = FileRunners.require(roots, step);
    return FileTaskLoop.run(
        step,
        selection(step),
        types(),
        fileType(step),
        r,
        ctx,
        (file, type, out, counter) -> mask(step, file, type, out, counter, ctx));
  }

  @Override
  public final String target(S step) {
    return roots == null ? null : roots.sourceName() + " -> " + roots.targetName();
  }
}
