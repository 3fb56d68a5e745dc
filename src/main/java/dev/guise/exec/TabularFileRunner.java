package dev.guise.exec;

import dev.guise.files.CountingInput;
import dev.guise.files.FileValues;
import dev.guise.files.FileWalk;
import dev.guise.files.TabularFormat;
import dev.guise.plan.FileRule;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.MaskTabularFileStep;
import dev.guise.plan.PlannedRule;
import dev.guise.ruleset.HashColumn;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.MaskTabularFileTask;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code mask_tabular_file}: each CSV/TSV file streamed in batches through the same {@link
 * RowMasker} a table task uses. A file is a table whose key is its record number and whose columns
 * are its header's, typed as the task declares (text by default); fields no rule writes are copied
 * as they were read.
 */
final class TabularFileRunner extends FileStepRunner<MaskTabularFileStep> {
  /** Rows per batch at most: a batch of wide rows stays well inside a small heap. */
  private static final int MAX_BATCH = 10_000;

  private static final String ROW = "#row";

  /**
   * @param roots null in the build's registry: such a step runs only in a file run, which binds the
   *     runner to its folders
   */
  TabularFileRunner(FileRoots roots) {
    super(roots, MaskTabularFileTask.FILE_TYPES);
  }

  @Override
  long mask(
      MaskTabularFileStep step,
      FileWalk.Found file,
      String type,
      OutputStream out,
      FileTaskLoop.FileCounter counter,
      StepContext ctx)
      throws IOException {
    if (type.equals(MaskTabularFileTask.PARQUET)) {
      return ParquetFileMasking.mask(step, file, where(file), out, counter, ctx);
    }
    MaskTabularFileTask t = step.task();
    Charset cs = Charset.forName(t.encoding());
    CSVFormat format = TabularFormat.of(type, t.delimiter(), t.quote());
    String where = where(file);
    try (CountingInput counted = file.open();
        Reader in = new InputStreamReader(counted, cs);
        CSVParser parser = CSVParser.parse(in, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      long[] line = {1};
      List<String> header;
      if (t.header()) {
        CSVRecord h = next(records, parser, where, line);
        if (h == null) {
          return 0; // an empty file masks to an empty file
        }
        header = h.toList();
      } else {
        header = t.columns();
      }
      Layout layout = layout(step, file.relative(), columns(t, header, where), where, ctx);
      Writer w = writer(out, cs);
      CSVPrinter printer = new CSVPrinter(w, format);
      if (t.header()) {
        printer.printRecord(header);
      }
      int batchSize = Math.max(1, Math.min(ctx.options().batchSize(), MAX_BATCH));
      long rowNo = 0;
      boolean first = true;
      List<String[]> texts = new ArrayList<>(batchSize);
      List<Object[]> rows = new ArrayList<>(batchSize);
      while (true) {
        texts.clear();
        rows.clear();
        long firstRow = rowNo + 1;
        CSVRecord rec;
        while (texts.size() < batchSize && (rec = next(records, parser, where, line)) != null) {
          rowNo++;
          String[] fields = rec.values();
          if (fields.length != header.size()) {
            throw new TaskFailure(
                where
                    + ":"
                    + line[0]
                    + " - the row has "
                    + fields.length
                    + " fields but the header "
                    + header.size()
                    + "; fix the row, or the task's delimiter and quote_char",
                null);
          }
          texts.add(fields);
          rows.add(layout.typed(fields, rowNo, where, line[0]));
        }
        if (texts.isEmpty()) {
          break;
        }
        RowMasker.Masked masked = layout.masker.mask(rows);
        for (Object[] m : masked.rows()) {
          String[] fields = texts.get((int) ((Long) m[0] - firstRow));
          for (int i = 0; i < layout.written.length; i++) {
            fields[layout.written[i]] = FileValues.render(m[1 + i]);
          }
        }
        for (String[] fields : texts) {
          printer.printRecord((Object[]) fields);
        }
        counter.batch(texts.size(), masked.masked(), counted.count());
        if (first && !layout.masker.sample().isEmpty()) {
          ctx.events().on(new RunEvent.Samples(file.relative(), layout.masker.sample()));
          first = false;
        }
        if (counter.cancelled()) {
          break;
        }
      }
      printer.flush();
      return rowNo;
    }
  }

  /** The next record, or null at the end; a malformed one fails the file, naming its line. */
  private static CSVRecord next(
      Iterator<CSVRecord> records, CSVParser parser, String where, long[] line) {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord r = records.next();
      line[0] = parser.getCurrentLineNumber();
      return r;
    } catch (UncheckedIOException | IllegalStateException e) {
      // the library's text is not repeated: it may quote the file's content
      String m = String.valueOf(e.getMessage());
      throw new TaskFailure(
          where
              + ":"
              + (parser.getCurrentLineNumber() + 1)
              + " - malformed "
              + (m.contains("EOF")
                  ? "row: a quoted field is never closed"
                  : "row: a character follows a closing quote")
              + "; fix the file or the task's quote_char",
          null);
    }
  }

  /** One file's columns, rules and masker. */
  static final class Layout {
    RowMasker masker;
    ColumnCategory[] categories;
    String[] names;
    int[] written;

    Object[] typed(String[] fields, long rowNo, String where, long line) {
      Object[] row = new Object[fields.length + 1];
      row[0] = rowNo;
      for (int i = 0; i < fields.length; i++) {
        try {
          row[i + 1] = FileValues.parse(fields[i], categories[i]);
        } catch (IllegalArgumentException e) {
          throw new TaskFailure(
              where
                  + ":"
                  + line
                  + " - column '"
                  + names[i]
                  + "' "
                  + e.getMessage()
                  + " (its declared type in column_types); fix the row or the declared type",
              null);
        }
      }
      return row;
    }
  }

  /** A CSV file's columns: the header's names, typed as the task declares. */
  private static List<ColumnInfo> columns(
      MaskTabularFileTask t, List<String> header, String where) {
    Set<String> seen = new LinkedHashSet<>();
    for (String h : header) {
      if (!seen.add(h)) {
        throw new TaskFailure(
            where + ":1 - the header names column '" + h + "' twice; rename one", null);
      }
    }
    List<ColumnInfo> cols = new ArrayList<>();
    for (String h : header) {
      // a declared type of a column this file lacks is no error: one task may cover files of
      // several layouts
      cols.add(FileValues.column(h, declared(t.columnTypes(), h)));
    }
    return cols;
  }

  /**
   * Resolves the task's rules against the file's columns into a masker over its rows: a row is its
   * record number, then the columns' values.
   */
  static Layout layout(
      MaskTabularFileStep step,
      String relative,
      List<ColumnInfo> cols,
      String where,
      StepContext ctx) {
    MaskTabularFileTask t = step.task();
    Map<String, ColumnInfo> written = new LinkedHashMap<>();
    List<PlannedRule> planned = new ArrayList<>();
    for (FileRule r : step.rules()) {
      String at = "the rule at " + r.rule().location();
      for (HashColumn h : r.hashColumns()) {
        find(cols, h.column(), where, "hash_columns of " + at);
      }
      for (String c : r.pipeline().columnsRead()) {
        find(cols, c, where, at);
      }
      if (r.guard() != null) {
        for (String c : r.guard().columns()) {
          find(cols, c, where, "the condition at " + r.guard().location());
        }
      }
      ColumnInfo c = find(cols, r.rule().column(), where, at);
      written.putIfAbsent(c.name(), c);
      planned.add(new PlannedRule(r.rule(), r.pipeline(), c, r.hashColumns(), r.skip(), r.guard()));
    }
    ColumnInfo row =
        new ColumnInfo(ROW, Types.BIGINT, "BIGINT", 0, 0, false, ColumnCategory.INTEGER);
    List<ColumnInfo> all = new ArrayList<>();
    all.add(row);
    all.addAll(cols);
    TableInfo table = new TableInfo(new TableRef(null, relative), all, List.of(ROW), List.of());
    MaskTableStep asTable =
        new MaskTableStep(
            step.id(),
            new MaskTableTask(
                relative, List.of(ROW), List.of(), List.of(), null, List.of(), t.location()),
            table,
            List.of(row),
            List.copyOf(cols),
            List.of(),
            List.of(),
            List.copyOf(written.values()),
            List.copyOf(planned),
            Map.of());
    String seed = relative.toLowerCase(Locale.ROOT);
    RowLayout rl = new RowLayout(asTable, seed);
    Layout l = new Layout();
    l.masker =
        new RowMasker(
            rl,
            planned,
            ctx.key(),
            ctx.runStart(),
            where,
            seed,
            ctx.options().sampleRows(),
            ctx.options().showOriginals(),
            ctx.options().onValueError());
    l.categories = cols.stream().map(ColumnInfo::category).toArray(ColumnCategory[]::new);
    l.names = cols.stream().map(ColumnInfo::name).toArray(String[]::new);
    l.written = Arrays.stream(rl.written).map(i -> i - 1).toArray();
    return l;
  }

  private static String declared(Map<String, String> types, String column) {
    String t = types.get(column);
    if (t != null) {
      return t;
    }
    for (Map.Entry<String, String> e : types.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** A column of the file by name (exact, else ignoring case); a missing one fails the file. */
  private static ColumnInfo find(List<ColumnInfo> cols, String name, String where, String namedBy) {
    String bare =
        name.contains(".") && cols.stream().noneMatch(c -> c.name().equals(name))
            ? name.substring(name.lastIndexOf('.') + 1)
            : name;
    for (ColumnInfo c : cols) {
      if (c.name().equals(bare)) {
        return c;
      }
    }
    for (ColumnInfo c : cols) {
      if (c.name().equalsIgnoreCase(bare)) {
        return c;
      }
    }
    throw new TaskFailure(
        where
            + " - has no column '"
            + name
            + "' (named by "
            + namedBy
            + "); its columns: "
            + String.join(", ", cols.stream().map(ColumnInfo::name).toList()),
        null);
  }
}
