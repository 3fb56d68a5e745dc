package dev.guise.exec;

import dev.guise.files.FileReport;
import dev.guise.files.FileWalk;
import dev.guise.files.OutputFile;
import dev.guise.plan.Step;
import dev.guise.ruleset.FileSelection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the file tasks share: the files of the source folder the task selects, each masked into the
 * destination under a temporary name and renamed when whole, one report row per file, and {@code
 * continue_on_failure} across files (a malformed file fails alone; without the option the task
 * stops at it).
 */
final class FileTaskLoop {
  /** Masks one file; the type is the file's (csv, tsv, json, ndjson, xml). */
  interface FileMasker {
    /**
     * @param out where the masked file goes; null in a dry run (mask, write nothing)
     * @return the rows (or documents) of the file
     * @throws TaskFailure for a malformed row or a failing mask, naming file:line
     */
    long mask(FileWalk.Found file, String type, OutputStream out, FileCounter counter)
        throws IOException;
  }

  /** Counts the task's rows across its files and publishes batches and byte progress. */
  static final class FileCounter {
    private final Step step;
    private final StepContext ctx;
    private RunEvent.Counts task = new RunEvent.Counts(0, 0, 0, 0);
    private String file;
    private long fileSize;
    private long before;
    private long bytesTotal;
    private long rows;

    FileCounter(Step step, StepContext ctx) {
      this.step = step;
      this.ctx = ctx;
    }

    void startFile(String relative, long size) {
      this.file = relative;
      this.fileSize = size;
    }

    void endFile() {
      before += fileSize;
      fileSize = 0;
    }

    /**
     * One batch of a file: rows read and masked, and the bytes read of the file so far. The byte
     * progress goes first, so that listeners know a file task's batches for what they are.
     */
    void batch(long read, long masked, long bytesDone) {
      RunEvent.Counts b =
          new RunEvent.Counts(read, masked, ctx.options().dryRun() ? 0 : read, read - masked);
      task = task.plus(b);
      rows += read;
      ctx.events()
          .on(
              new RunEvent.FileProgress(
                  step.id(), file, before + Math.min(bytesDone, fileSize), bytesTotal, rows));
      ctx.events()
          .on(
              new RunEvent.BatchCommitted(
                  step.id(), file, b, task, task.read(), List.of(), ctx.options().dryRun()));
    }

    /** The user cancelled: a file being masked is abandoned (its part deleted). */
    boolean cancelled() {
      return ctx.cancellation().cancelledByUser();
    }
  }

  private FileTaskLoop() {}

  /**
   * @param types the file types the task takes, by extension
   * @param fixedType the task's {@code file_type}, or null to go by extension
   */
  static RunStatus run(
      Step step,
      FileSelection selection,
      Set<String> types,
      String fixedType,
      FileRoots roots,
      StepContext ctx,
      FileMasker masker) {
    ctx.events().on(new RunEvent.TaskStarted(step.id(), step.describe(), -1));
    List<FileReport.Row> report = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    FileCounter counter = new FileCounter(step, ctx);
    boolean cancelled = false;
    try {
      List<FileWalk.Found> files = new ArrayList<>();
      for (FileWalk.Found f : FileWalk.list(roots.source(), selection.recurse())) {
        if (fixedType != null || types.contains(type(f, null))) {
          files.add(f); // others are another task's files
        }
      }
      counter.bytesTotal =
          files.stream()
              .filter(f -> selection.selects(f.relative()))
              .mapToLong(FileWalk.Found::size)
              .sum();
      for (FileWalk.Found f : files) {
        String type = type(f, fixedType);
        if (!selection.selects(f.relative())) {
          FileSelection.FilePattern by = selection.skippedBy(f.relative());
          report.add(
              new FileReport.Row(
                  f.relative(),
                  f.size(),
                  type,
                  0,
                  "skipped",
                  by != null
                      ? "matches skip "
                          + by.kind()
                          + " '"
                          + by.pattern()
                          + "' ("
                          + by.location()
                          + ")"
                      : "matches no include pattern"));
          continue;
        }
        if (ctx.cancellation().stopping()) {
          cancelled = true;
          report.add(new FileReport.Row(f.relative(), f.size(), type, 0, "skipped", "run stopped"));
          continue;
        }
        if (kept(f, type, roots, ctx, step, report)) {
          counter.startFile(f.relative(), f.size());
          counter.endFile();
          continue;
        }
        counter.startFile(f.relative(), f.size());
        String failure = maskOne(step, f, type, roots, ctx, masker, counter, report);
        counter.endFile();
        if (failure != null) {
          failures.add(failure);
          if (!ctx.options().continueOnFailure()) {
            break;
          }
        }
      }
    } finally {
      ctx.events()
          .on(
              new RunEvent.Report(
                  step.id(), FileReport.KIND, FileReport.FILE, FileReport.csv(report, true)));
    }
    if (!failures.isEmpty()) {
      throw new TaskFailure(
          failures.get(0)
              + (failures.size() > 1
                  ? " (and " + (failures.size() - 1) + " more failed files; see file-report.csv)"
                  : ""),
          null);
    }
    return cancelled || ctx.cancellation().stopping() ? RunStatus.CANCELLED : RunStatus.FINISHED;
  }

  /**
   * Keeps a file the resumed run finished, when the source still has the size it had and the target
   * file the size that run wrote (a file changed since is masked again); a dry run keeps nothing.
   */
  private static boolean kept(
      FileWalk.Found f,
      String type,
      FileRoots roots,
      StepContext ctx,
      Step step,
      List<FileReport.Row> report) {
    FileRoots.Kept k = roots.kept().get(f.relative());
    if (k == null || ctx.options().dryRun() || k.sourceSize() != f.size()) {
      return false;
    }
    if (OutputFile.sizeOf(roots.target().resolve(f.relative())) != k.targetSize()) {
      return false;
    }
    report.add(
        new FileReport.Row(
            f.relative(),
            f.size(),
            type,
            k.rows(),
            "masked",
            "masked by run " + k.maskedBy() + "; kept by --resume"));
    ctx.events()
        .on(
            new RunEvent.FileWritten(
                step.id(), f.relative(), f.size(), k.targetSize(), k.rows(), k.maskedBy()));
    return true;
  }

  /** The file's type: the task's, else by extension ({@code .jsonl} is NDJSON). */
  private static String type(FileWalk.Found f, String fixedType) {
    if (fixedType != null) {
      return fixedType;
    }
    String ext = FileWalk.extension(f.relative());
    return ext.equals("jsonl") ? "ndjson" : ext;
  }

  /** Masks one file into its destination; returns the failure message, or null. */
  private static String maskOne(
      Step step,
      FileWalk.Found f,
      String type,
      FileRoots roots,
      StepContext ctx,
      FileMasker masker,
      FileCounter counter,
      List<FileReport.Row> report) {
    boolean dry = ctx.options().dryRun();
    try {
      long rows;
      long size = 0;
      if (dry) {
        rows = masker.mask(f, type, null, counter);
      } else {
        try (OutputFile out = new OutputFile(roots.target().resolve(f.relative()))) {
          rows = masker.mask(f, type, out.stream(), counter);
          if (counter.cancelled()) {
            report.add(
                new FileReport.Row(f.relative(), f.size(), type, rows, "skipped", "run cancelled"));
            return null; // the part written is deleted: a file is whole or absent
          }
          size = out.commit();
        }
        ctx.events()
            .on(new RunEvent.FileWritten(step.id(), f.relative(), f.size(), size, rows, null));
      }
      report.add(
          new FileReport.Row(f.relative(), f.size(), type, rows, dry ? "checked" : "masked", ""));
      return null;
    } catch (TaskFailure e) {
      report.add(new FileReport.Row(f.relative(), f.size(), type, 0, "failed", e.getMessage()));
      return e.getMessage();
    } catch (IOException | UncheckedIOException e) {
      String m =
          roots.sourceName()
              + ":"
              + f.relative()
              + " - cannot be read or written ("
              + e.getClass().getSimpleName()
              + "); check the folders' permissions and free space";
      report.add(new FileReport.Row(f.relative(), f.size(), type, 0, "failed", m));
      return m;
    }
  }
}
