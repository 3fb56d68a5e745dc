package dev.guise.mask.seed;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader: comma separated, fields optionally in double quotes, {@code ""}
 * inside quotes for one quote, quoted fields may hold commas and line breaks. Lines may end in LF
 * or CRLF; a leading byte order mark is dropped and blank lines are skipped.
 */
public final class SeedCsv {
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
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int n = text.length();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false; // current field was quoted
    boolean fieldStarted = false; // current record has any content
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"') {
        if (field.length() > 0 || quoted) {
          throw error(
              source,
              line,
              "a double quote inside an unquoted field",
              "put the whole field in double quotes and write the quote as \"\"");
        }
        quoted = true;
        fieldStarted = true;
        int start = line;
        i++;
        while (true) {
          if (i >= n) {
            throw error(
                source, start, "a quoted field is not closed", "add the closing double quote");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            line++;
          }
          field.append(q);
          i++;
        }
        if (i < n) {
          char after = text.charAt(i);
          if (after != ',' && after != '\n' && after != '\r') {
            throw error(
                source,
                line,
                "text after the closing quote of a field",
                "quote the whole field or remove the stray character");
          }
        }
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        quoted = false;
        fieldStarted = true;
        i++;
        continue;
      }
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        i++;
        endRecord(records, recordLine, fields, field, fieldStarted);
        field.setLength(0);
        quoted = false;
        fieldStarted = false;
        line++;
        recordLine = line;
        continue;
      }
      field.append(c);
      fieldStarted = true;
      i++;
    }
    endRecord(records, recordLine, fields, field, fieldStarted);
    return records;
  }

  private static void endRecord(
      List<Record> records, int line, List<String> fields, StringBuilder field, boolean started) {
    if (!started) {
      fields.clear();
      return; // blank line
    }
    fields.add(field.toString());
    records.add(new Record(line, fields.toArray(new String[0])));
    fields.clear();
  }

  private static GuiseException error(String source, int line, String what, String todo) {
    return new GuiseException(
        ErrorCode.INVALID_CONFIGURATION, source + " - line " + line + ": " + what + "; " + todo);
  }
}
