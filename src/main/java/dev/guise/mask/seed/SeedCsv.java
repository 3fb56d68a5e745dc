package dev.guise.mask.seed;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV with commons-csv: comma separated, fields optionally in double quotes, {@code
 * ""} inside quotes for one quote, quoted fields may hold commas and line breaks. Lines may end in
 * LF or CRLF; a leading byte order mark is dropped and blank lines are skipped.
 */
public final class SeedCsv {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

  private SeedCsv() {}

  /**
   * Parses {@code text} into records.
   *
   * @param source the file name used in error messages
   * @throws GuiseException with {@link ErrorCode#INVALID_CONFIGURATION} on malformed quoting
   */
  public static List<String[]> parse(String source, String text) {
    List<Record> records = parseRecords(source, text);
    List<String[]> out = new ArrayList<>(records.size());
    for (Record r : records) {
      out.add(r.fields());
    }
    return out;
  }

  /** One parsed record and the line it starts on (1-based). */
  record Record(int line, String[] fields) {}

  static List<Record> parseRecords(String source, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Lines lines = new Lines(body);
    List<Record> records = new ArrayList<>();
    // where the last good record ended: a failing record starts after it
    int end = 0;
    try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
      for (CSVRecord r : parser) {
        int start = lines.skipBreaks((int) r.getCharacterPosition());
        String[] fields = r.values();
        end = checkQuotes(source, body, start, fields, lines);
        records.add(new Record(lines.lineAt(start), fields));
      }
    } catch (UncheckedIOException | IOException e) {
      int line = lines.lineAt(lines.skipBreaks(end));
      String why =
          String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
      if (why.contains("EOF reached before encapsulated token finished")) {
        throw error(source, line, "a quoted field is not closed", "add the closing double quote");
      }
      if (why.contains("Invalid character between encapsulated token and delimiter")) {
        throw error(
            source,
            line,
            "text after the closing quote of a field",
            "quote the whole field or remove the stray character");
      }
      throw error(source, line, "malformed CSV (" + why + ")", "check the quoting of this record");
    }
    return records;
  }

  /**
   * commons-csv keeps a quote inside an unquoted field as text; a seed file with one is almost
   * always a broken quoted field, so it is rejected as before. Walks the record's raw text field by
   * field, which the parsed values make exact, and returns where the record ends.
   */
  private static int checkQuotes(
      String source, String body, int start, String[] fields, Lines lines) {
    int p = start;
    for (String f : fields) {
      if (p < body.length() && body.charAt(p) == '"') {
        p += 2 + f.length() + (int) f.chars().filter(c -> c == '"').count();
      } else {
        int quote = f.indexOf('"');
        if (quote >= 0) {
          throw error(
              source,
              lines.lineAt(p + quote),
              "a double quote inside an unquoted field",
              "put the whole field in double quotes and write the quote as \"\"");
        }
        p += f.length();
      }
      p++; // the comma or the line break after the field
    }
    return Math.min(p, body.length());
  }

  /** Line numbers of offsets asked for in increasing order; LF, CRLF and CR each end a line. */
  private static final class Lines {
    private final String text;
    private int offset;
    private int line = 1;

    Lines(String text) {
      this.text = text;
    }

    int lineAt(int target) {
      for (; offset < target && offset < text.length(); offset++) {
        char c = text.charAt(offset);
        if (c == '\n'
            || (c == '\r' && (offset + 1 >= text.length() || text.charAt(offset + 1) != '\n'))) {
          line++;
        }
      }
      return line;
    }

    /** The first offset from {@code from} that is not a line break: blank lines are skipped. */
    int skipBreaks(int from) {
      int p = from;
      while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
        p++;
      }
      return p;
    }
  }

  private static GuiseException error(String source, int line, String what, String todo) {
    return new GuiseException(
        ErrorCode.INVALID_CONFIGURATION, source + " - line " + line + ": " + what + "; " + todo);
  }
}
