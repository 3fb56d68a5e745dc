package dev.guise.mask.seed;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed seed file: its name, its header and its rows, stored column by column. Immutable:
 * every accessor returns an unmodifiable view or a copy.
 */
public final class SeedFile {
  private final String name;
  private final List<String> columns;
  private final List<List<String>> values; // column-major
  private final Map<String, Integer> index; // lower-cased header -> column
  private final int rowCount;

  private SeedFile(String name, List<String> columns, List<List<String>> values, int rowCount) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.values = values;
    this.rowCount = rowCount;
    Map<String, Integer> idx = new HashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      idx.put(key(columns.get(c)), c);
    }
    this.index = Map.copyOf(idx);
  }

  /**
   * Builds a seed file from a header and rows.
   *
   * @param name file name used in messages, e.g. {@code first_names.csv}
   * @throws GuiseException if the header is empty, blank or duplicated, or a row has another number
   *     of fields than the header
   */
  public static SeedFile of(String name, List<String> header, List<String[]> rows) {
    validateHeader(name, header);
    int[] lines = new int[rows.size()];
    for (int r = 0; r < lines.length; r++) {
      lines[r] = r + 2;
    }
    return build(name, header, rows, lines);
  }

  /**
   * Parses CSV text (RFC 4180, first record is the header).
   *
   * @param name file name used in messages, e.g. {@code first_names.csv}
   * @throws GuiseException with {@link ErrorCode#INVALID_CONFIGURATION} on any defect
   */
  public static SeedFile parse(String name, String csvText) {
    List<SeedCsv.Record> records = SeedCsv.parseRecords(name, csvText);
    if (records.isEmpty()) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          name + " - the file is empty; add a header row naming the columns");
    }
    List<String> header = Arrays.asList(records.get(0).fields());
    validateHeader(name, header);
    List<String[]> rows = new ArrayList<>(records.size() - 1);
    int[] lines = new int[records.size() - 1];
    for (int r = 1; r < records.size(); r++) {
      rows.add(records.get(r).fields());
      lines[r - 1] = records.get(r).line();
    }
    return build(name, header, rows, lines);
  }

  private static SeedFile build(
      String name, List<String> header, List<String[]> rows, int[] lines) {
    List<String> cols = new ArrayList<>(header.size());
    for (String h : header) {
      cols.add(h.strip());
    }
    int width = cols.size();
    String[][] byColumn = new String[width][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      if (row.length != width) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            name
                + " - line "
                + lines[r]
                + " has "
                + row.length
                + " field(s) but the header has "
                + width
                + " "
                + cols
                + "; give every row one value per column, quoting values that hold commas");
      }
      for (int c = 0; c < width; c++) {
        byColumn[c][r] = row[c];
      }
    }
    List<List<String>> values = new ArrayList<>(width);
    for (String[] col : byColumn) {
      values.add(Collections.unmodifiableList(Arrays.asList(col)));
    }
    return new SeedFile(name, cols, List.copyOf(values), rows.size());
  }

  private static void validateHeader(String name, List<String> header) {
    if (header.isEmpty()) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          name + " - the header row is empty; add a header row naming the columns");
    }
    Map<String, String> seen = new HashMap<>();
    for (String h : header) {
      String col = h == null ? "" : h.strip();
      if (col.isEmpty()) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            name + " - the header row has a blank column name; name every column");
      }
      String prev = seen.putIfAbsent(key(col), col);
      if (prev != null) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            name
                + " - column '"
                + col
                + "' appears twice in the header (names are case-insensitive); rename one");
      }
    }
  }

  private static String key(String column) {
    return column.strip().toLowerCase(Locale.ROOT);
  }

  /** The file name, e.g. {@code first_names.csv}. */
  public String name() {
    return name;
  }

  /** The column names, as written in the header. */
  public List<String> columns() {
    return columns;
  }

  /** Number of data rows (the header excluded). */
  public int rowCount() {
    return rowCount;
  }

  /** Whether a column of that name exists (case-insensitive). */
  public boolean hasColumn(String column) {
    return column != null && index.containsKey(key(column));
  }

  /**
   * The values of one column, in file order (unmodifiable).
   *
   * @param column header name, matched case-insensitively
   * @throws GuiseException if there is no such column; the message lists the available ones
   */
  public List<String> column(String column) {
    Integer c = column == null ? null : index.get(key(column));
    if (c == null) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          name + " - has no column '" + column + "'; use one of " + String.join(", ", columns));
    }
    return values.get(c);
  }

  /** The values of column {@code index} (0-based), in file order (unmodifiable). */
  public List<String> column(int index) {
    return values.get(index);
  }

  /** A copy of data row {@code row} (0-based). */
  public String[] row(int row) {
    if (row < 0 || row >= rowCount) {
      throw new IndexOutOfBoundsException("row " + row + " of " + rowCount);
    }
    String[] out = new String[columns.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = values.get(c).get(row);
    }
    return out;
  }

  /** Copies of all data rows, in file order. */
  public List<String[]> rows() {
    List<String[]> out = new ArrayList<>(rowCount);
    for (int r = 0; r < rowCount; r++) {
      out.add(row(r));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return name + " " + columns + " (" + rowCount + " rows)";
  }
}
