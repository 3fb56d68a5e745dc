package dev.guise.exec;

import dev.guise.files.CountingInput;
import dev.guise.files.FileWalk;
import dev.guise.mask.MaskContext;
import dev.guise.plan.FileRule;
import dev.guise.plan.MaskFileStep;
import dev.guise.ruleset.MaskFileTask;
import dev.guise.ruleset.SkipValue;
import dev.guise.schema.RowView;
import dev.guise.secret.SeedEncoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * {@code mask_file}: each rule's pipeline (a {@code json} or {@code xml} mask, usually) applied to
 * a document's text. An NDJSON file is streamed line by line, one document a line; a JSON or XML
 * file is one document, masked whole. A document's masks are seeded by the file, its record number
 * and the rule, so a run is reproducible.
 */
final class DocumentFileRunner extends FileStepRunner<MaskFileStep> {
  /** NDJSON lines per progress event. */
  private static final int BATCH = 10_000;

  /**
   * @param roots null in the build's registry (see {@link TabularFileRunner})
   */
  DocumentFileRunner(FileRoots roots) {
    super(roots, MaskFileTask.FILE_TYPES);
  }

  @Override
  long mask(
      MaskFileStep step,
      FileWalk.Found file,
      String type,
      OutputStream out,
      FileTaskLoop.FileCounter counter,
      StepContext ctx)
      throws IOException {
    Charset cs = Charset.forName(step.task().encoding());
    String where = where(file);
    String seed = file.relative().toLowerCase(Locale.ROOT);
    Writer w = writer(out, cs);
    if (!type.equals("ndjson")) {
      String doc = file.read(cs);
      String masked = document(step, doc, seed, 1, where, ctx);
      w.write(masked);
      w.flush();
      counter.batch(1, masked.equals(doc) ? 0 : 1, file.size());
      return 1;
    }
    long lineNo = 0;
    long batchRows = 0;
    long batchMasked = 0;
    try (CountingInput counted = file.open();
        BufferedReader in = new BufferedReader(new InputStreamReader(counted, cs), 1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        String masked = line.isBlank() ? line : document(step, line, seed, lineNo, where, ctx);
        w.write(masked);
        w.write('\n');
        batchRows++;
        if (!masked.equals(line)) {
          batchMasked++;
        }
        if (batchRows == BATCH) {
          counter.batch(batchRows, batchMasked, counted.count());
          batchRows = 0;
          batchMasked = 0;
          if (counter.cancelled()) {
            break;
          }
        }
      }
      w.flush();
      if (batchRows > 0 || lineNo == 0) {
        counter.batch(batchRows, batchMasked, counted.count());
      }
    }
    return lineNo;
  }

  /** One document through every rule; a failing mask fails the file, naming file:line. */
  private static String document(
      MaskFileStep step, String doc, String seed, long record, String where, StepContext ctx) {
    Object current = doc;
    for (int i = 0; i < step.rules().size(); i++) {
      FileRule r = step.rules().get(i);
      if (skips(r, current)) {
        continue;
      }
      byte[] material = new SeedEncoder().add("doc").add(seed).add(record).add(i).toBytes();
      MaskContext mc =
          new MaskContext(
              digest -> ctx.key().rng(digest, material), RowView.EMPTY, ctx.key(), ctx.runStart());
      try {
        current = r.pipeline().apply(current, mc);
      } catch (RuntimeException e) {
        throw new TaskFailure(
            where
                + ":"
                + record
                + " - masking the document failed: "
                + TaskFailure.reason(e)
                + " (rule at "
                + r.rule().location()
                + ")",
            e);
      }
    }
    return current == null ? "" : current.toString();
  }

  private static boolean skips(FileRule r, Object value) {
    for (SkipValue s : r.skip()) {
      if (s.skips(value)) {
        return true;
      }
    }
    return false;
  }
}
