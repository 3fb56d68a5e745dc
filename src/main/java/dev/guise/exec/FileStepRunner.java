package dev.guise.exec;

import dev.guise.files.FileWalk;
import dev.guise.plan.FileStep;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Set;

/**
 * A file task's runner: {@link FileTaskLoop} over the files it selects, each masked by {@link
 * #mask}. Bound to a file run's folders; the build's registry holds one without folders, which
 * refuses to run (a file task belongs in a file run).
 */
abstract class FileStepRunner<S extends FileStep> implements StepRunner<S> {
  /** Null in the build's registry. */
  final FileRoots roots;

  /** The file types the task takes, by extension. */
  private final Set<String> types;

  FileStepRunner(FileRoots roots, Set<String> types) {
    this.roots = roots;
    this.types = types;
  }

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
        step.task().selection(),
        types,
        step.task().fileType(),
        r,
        ctx,
        (file, type, out, counter) -> mask(step, file, type, out, counter, ctx));
  }

  @Override
  public final String target(S step) {
    return roots == null ? null : roots.sourceName() + " -> " + roots.targetName();
  }

  /** The file as messages name it: {@code source-connection:relative/path}. */
  final String where(FileWalk.Found file) {
    return roots.sourceName() + ":" + file.relative();
  }

  /** The masked file's text goes here; a dry run's goes nowhere. */
  static Writer writer(OutputStream out, Charset cs) {
    return out == null
        ? Writer.nullWriter()
        : new BufferedWriter(new OutputStreamWriter(out, cs), 1 << 16);
  }
}
