package dev.guise.files;

import org.apache.commons.csv.CSVFormat;

/** The commons-csv format of a CSV or TSV file as a task describes it. */
public final class TabularFormat {
  private TabularFormat() {}

  /**
   * @param delimiter null for the type's: {@code ,} for csv, a tab for tsv
   * @param quote the quote character (fields holding the delimiter, quotes or line breaks are
   *     quoted with it on output)
   */
  public static CSVFormat of(String type, String delimiter, char quote) {
    char d = delimiter != null ? delimiter.charAt(0) : type.equals("tsv") ? '\t' : ',';
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(d)
        .setQuote(quote)
        .setRecordSeparator("\n")
        .get();
  }
}
