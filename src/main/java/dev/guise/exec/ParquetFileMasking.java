package dev.guise.exec;

import dev.guise.files.FileWalk;
import dev.guise.files.ParquetFile;
import dev.guise.plan.MaskTabularFileStep;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code mask_tabular_file} on a Parquet file: records streamed in batches through the same masker
 * as a CSV file's rows, the columns typed by the file's schema, and written with that schema. The
 * columns no rule writes are copied as read.
 */
final class ParquetFileMasking {
  /** Records per batch at most, as for CSV files. */
  private static final int MAX_BATCH = 10_000;

  private ParquetFileMasking() {}

  static long mask(
      MaskTabularFileStep step,
      FileWalk.Found file,
      String where,
      OutputStream out,
      FileTaskLoop.FileCounter counter,
      StepContext ctx)
      throws IOException {
    long rowNo = 0;
    try (ParquetFile in = ParquetFile.open(file.path())) {
      TabularFileRunner.Layout layout =
          TabularFileRunner.layout(step, file.relative(), in.columns(), where, ctx);
      long total = in.rows();
      int batchSize = Math.max(1, Math.min(ctx.options().batchSize(), MAX_BATCH));
      boolean first = true;
      List<ParquetFile.Row> read = new ArrayList<>(batchSize);
      List<Object[]> rows = new ArrayList<>(batchSize);
      try (ParquetFile.Writer w = in.writer(out)) {
        while (true) {
          read.clear();
          rows.clear();
          long firstRow = rowNo + 1;
          ParquetFile.Row r;
          while (read.size() < batchSize && (r = in.next()) != null) {
            rowNo++;
            read.add(r);
            Object[] row = new Object[r.values().length + 1];
            row[0] = rowNo;
            System.arraycopy(r.values(), 0, row, 1, r.values().length);
            rows.add(row);
          }
          if (read.isEmpty()) {
            break;
          }
          RowMasker.Masked masked = layout.masker.mask(rows);
          Object[][] values = new Object[read.size()][];
          for (Object[] m : masked.rows()) {
            values[(int) ((Long) m[0] - firstRow)] =
                Arrays.copyOfRange(m, 1, 1 + layout.written.length);
          }
          for (int i = 0; i < values.length; i++) {
            rowNo = firstRow + i; // names the record a value does not fit in
            w.write(read.get(i), layout.written, values[i]);
          }
          rowNo = firstRow + read.size() - 1;
          // a Parquet file is not read front to back: progress goes by records of the footer's
          counter.batch(
              read.size(), masked.masked(), total == 0 ? file.size() : file.size() * rowNo / total);
          if (first && !layout.masker.sample().isEmpty()) {
            ctx.events().on(new RunEvent.Samples(file.relative(), layout.masker.sample()));
            first = false;
          }
          if (counter.cancelled()) {
            break;
          }
        }
      }
      return rowNo;
    } catch (ParquetFile.Refused e) {
      throw new TaskFailure(
          where + (rowNo > 0 ? " (record " + rowNo + ")" : "") + " - " + e.getMessage(), null);
    }
  }
}
