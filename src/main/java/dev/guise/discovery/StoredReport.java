package dev.guise.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A report a task wrote into a run's folder (sdd-report.csv, schema-report.json, or the file tasks'
 * file-report.csv), read back as header and rows and shown in any report format. Like the files, it
 * holds names, types and reasons, never a data value.
 */
public record StoredReport(String kind, List<String> header, List<List<String>> rows) {
  /** The schema report's columns, one row per column of every table. */
  static final List<String> SCHEMA_HEADER =
      List.of(
          "Table schema",
          "Table name",
          "Column name",
          "Data Type",
          "Max Length",
          "Numeric Precision",
          "Numeric Scale",
          "Nullable",
          "Primary key",
          "Row estimate");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param kind {@code sdd} (the text is sdd-report.csv) or {@code schema} (schema-report.json)
   * @throws IOException when the text is not what the task wrote
   */
  public static StoredReport parse(String kind, String text) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    if (kind.equals("sdd") || kind.equals("files")) {
      try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
        List<CSVRecord> all = p.getRecords();
        if (all.isEmpty()) {
          throw new IOException("empty report");
        }
        all.forEach(r -> rows.add(r.toList()));
      }
      return new StoredReport(kind, rows.get(0), List.copyOf(rows.subList(1, rows.size())));
    }
    JsonNode doc = JSON.readTree(text);
    if (doc == null || !doc.path("tables").isArray()) {
      throw new IOException("no tables in the report");
    }
    for (JsonNode t : doc.path("tables")) {
      List<String> key = new ArrayList<>();
      t.path("primary_key").forEach(k -> key.add(k.asText()));
      for (JsonNode c : t.path("columns")) {
        rows.add(
            List.of(
                t.path("schema").asText(""),
                t.path("table").asText(),
                c.path("name").asText(),
                c.path("data_type").asText(),
                c.path("max_length").asText(""),
                c.path("precision").asText(""),
                c.path("scale").asText(""),
                c.path("nullable").asBoolean() ? "YES" : "NO",
                key.contains(c.path("name").asText()) ? "YES" : "",
                t.path("row_estimate").asLong(-1) < 0 ? "" : t.path("row_estimate").asText()));
      }
    }
    return new StoredReport(kind, SCHEMA_HEADER, List.copyOf(rows));
  }

  /** As CSV, header first (the sdd report exactly as it was written). */
  public void csv(PrintWriter out) throws IOException {
    ReportRows.printCsv(header, rows, out);
  }

  /** As a JSON list of objects, one per row, keyed by the header. */
  public void json(PrintWriter out) throws IOException {
    ArrayNode list = JSON.createArrayNode();
    for (List<String> row : rows) {
      ObjectNode o = list.addObject();
      for (int i = 0; i < header.size(); i++) {
        o.put(header.get(i), i < row.size() ? row.get(i) : "");
      }
    }
    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
    out.flush();
  }

  /** For a terminal: the flagged columns and why (sdd), or every table's columns (schema). */
  public void text(PrintWriter out) {
    if (kind.equals("files")) {
      out.printf(Locale.ROOT, "%d files%n", rows.size());
      for (List<String> r : rows) {
        out.printf(
            Locale.ROOT,
            "  %-48s %-7s %12s bytes %10s rows  %s%s%n",
            r.get(0),
            r.get(2),
            r.get(1),
            r.get(3),
            r.get(4),
            r.get(5).isEmpty() ? "" : " - " + r.get(5));
      }
    } else if (kind.equals("sdd")) {
      List<List<String>> flagged = rows.stream().filter(r -> "TRUE".equals(r.get(0))).toList();
      out.printf(Locale.ROOT, "%d columns; %d flagged as sensitive%n", rows.size(), flagged.size());
      boolean coverage = header.size() > ReportRows.HEADER.size();
      for (List<String> r : flagged) {
        String name = (r.get(1).isEmpty() ? "" : r.get(1) + ".") + r.get(2) + "." + r.get(3);
        out.printf(Locale.ROOT, "  %-48s %-12s %-13s %s%n", name, r.get(12), r.get(11), r.get(10));
        if (coverage) {
          out.println(
              "      "
                  + (r.get(13).equals("NOT COVERED")
                      ? "NOT COVERED by the ruleset"
                      : "masked by " + r.get(13))
                  + (r.get(14).isEmpty() ? "" : " - but " + r.get(14)));
        }
      }
    } else {
      out.printf(Locale.ROOT, "%d columns%n", rows.size());
      for (List<String> r : rows) {
        String name = (r.get(0).isEmpty() ? "" : r.get(0) + ".") + r.get(1) + "." + r.get(2);
        out.printf(
            Locale.ROOT,
            "  %-48s %-20s %s%s%n",
            name,
            r.get(3) + (r.get(4).isEmpty() ? "" : "(" + r.get(4) + ")"),
            r.get(7).equals("YES") ? "null" : "not null",
            r.get(8).isEmpty() ? "" : ", primary key");
      }
    }
    out.flush();
  }

  /** One self-contained HTML page (no script or style from elsewhere) with the rows as a table. */
  public void html(String title, PrintWriter out) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>");
    h.append("<meta charset=\"utf-8\"><title>").append(HtmlReport.esc(title)).append("</title>");
    h.append("<style>body{font-family:system-ui,sans-serif;margin:2em}")
        .append("table{border-collapse:collapse;font-size:13px}")
        .append("th,td{border:1px solid #ccc;padding:3px 6px;text-align:left}")
        .append("th{background:#eee}tr.flagged td{background:#fff4e5}</style></head><body>\n");
    h.append("<h1>").append(HtmlReport.esc(title)).append("</h1>\n<table><thead><tr>");
    header.forEach(c -> h.append("<th>").append(HtmlReport.esc(c)).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    for (List<String> r : rows) {
      boolean flagged = kind.equals("sdd") && "TRUE".equals(r.get(0));
      h.append(flagged ? "<tr class=\"flagged\">" : "<tr>");
      r.forEach(c -> h.append("<td>").append(HtmlReport.esc(c)).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n</body></html>\n");
    out.print(h);
    out.flush();
  }
}
