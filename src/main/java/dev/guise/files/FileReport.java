package dev.guise.files;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code file-report.csv}: one row per file a file task looked at. It holds paths, sizes, counts
 * and reasons, never a data value.
 */
public final class FileReport {
  public static final String FILE = "file-report.csv";
  public static final String KIND = "files";
  public static final List<String> HEADER =
      List.of("path", "file_size", "file_type", "rows", "status", "skip_reason");

  /**
   * One file's outcome.
   *
   * @param status {@code masked}, {@code skipped} or {@code failed} ({@code checked} in a dry run)
   * @param skipReason why it was skipped or failed; empty otherwise
   */
  public record Row(
      String path, long fileSize, String fileType, long rows, String status, String skipReason) {}

  private FileReport() {}

  /** The rows as CSV, with the header line when {@code header}. */
  public static String csv(List<Row> rows, boolean header) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
      if (header) {
        p.printRecord(HEADER);
      }
      for (Row r : rows) {
        p.printRecord(r.path(), r.fileSize(), r.fileType(), r.rows(), r.status(), r.skipReason());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }
}
