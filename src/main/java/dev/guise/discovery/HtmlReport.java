package dev.guise.discovery;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The discovery report as one self-contained HTML page (no network: inline CSS, SVG and script): a
 * summary by class, a coverage chart, and a table of every column, sortable by any heading.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static void write(DiscoveryReport r, String title, Writer out) throws IOException {
    Map<String, Object> s = ReportRows.summary(r);
    @SuppressWarnings("unchecked")
    Map<String, Long> byClass = (Map<String, Long>) s.get("by_class");
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.append("<title>").append(esc(title)).append("</title><style>");
    h.append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;font-size:13px;width:100%}")
        .append("th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}")
        .append("th{background:#eee;cursor:pointer;user-select:none}")
        .append("tr.flagged td{background:#fff4e5}tr.uncovered td{background:#fde2e2}")
        .append(".cards{display:flex;gap:1em;margin:1em 0}")
        .append(".card{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;min-width:7em}")
        .append(".card b{display:block;font-size:1.6em}");
    h.append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
    h.append("<div class=\"cards\" id=\"summary\">");
    card(h, "tables", s.get("tables"));
    card(h, "columns", s.get("columns"));
    card(h, "sensitive", s.get("sensitive_columns"));
    for (Map.Entry<String, Long> e : byClass.entrySet()) {
      card(h, e.getKey(), e.getValue());
    }
    if (s.containsKey("not_covered")) {
      card(h, "not covered", s.get("not_covered"));
    }
    h.append("</div>\n");
    chart(h, r, s, byClass);
    h.append("<table id=\"findings\"><thead><tr>");
    List<String> header = ReportRows.header(r);
    for (int i = 0; i < header.size(); i++) {
      h.append("<th onclick=\"sortBy(")
          .append(i)
          .append(")\">")
          .append(esc(header.get(i)))
          .append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (List<String> row : ReportRows.rows(r)) {
      boolean flagged = row.get(0).equals("TRUE");
      boolean uncovered =
          row.size() > ReportRows.HEADER.size() && row.get(13).equals("NOT COVERED");
      h.append("<tr")
          .append(uncovered ? " class=\"uncovered\"" : flagged ? " class=\"flagged\"" : "")
          .append('>');
      for (String cell : row) {
        h.append("<td>").append(esc(cell)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n<script>\n")
        .append("var dir = {};\n")
        .append("function sortBy(i) {\n")
        .append("  var body = document.querySelector('#findings tbody');\n")
        .append("  var rows = Array.prototype.slice.call(body.rows);\n")
        .append("  dir[i] = !dir[i];\n")
        .append("  rows.sort(function (a, b) {\n")
        .append("    var x = a.cells[i].textContent, y = b.cells[i].textContent;\n")
        .append("    var nx = parseFloat(x), ny = parseFloat(y);\n")
        .append("    var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);\n")
        .append("    return dir[i] ? c : -c;\n")
        .append("  });\n")
        .append("  rows.forEach(function (r) { body.appendChild(r); });\n")
        .append("}\n")
        // a link to report.html#sort=3 opens it sorted by the fourth column
        .append("var m = /sort=(\\d+)/.exec(location.hash);\n")
        .append("if (m) { sortBy(parseInt(m[1], 10)); }\n")
        .append("</script>\n</body></html>\n");
    out.write(h.toString());
    out.flush();
  }

  /** Bars: coverage of the sensitive columns when a ruleset was checked, else columns by class. */
  private static void chart(
      StringBuilder h, DiscoveryReport r, Map<String, Object> s, Map<String, Long> byClass) {
    List<Object[]> bars =
        s.containsKey("not_covered")
            ? List.of(
                new Object[] {"covered", s.get("covered"), "#2e7d32"},
                new Object[] {"covered with gaps", s.get("covered_with_gaps"), "#f9a825"},
                new Object[] {"not covered", s.get("not_covered"), "#c62828"})
            : List.of(
                new Object[] {"PII", byClass.get("PII"), "#1565c0"},
                new Object[] {"PHI", byClass.get("PHI"), "#6a1b9a"},
                new Object[] {"PCI", byClass.get("PCI"), "#ef6c00"},
                new Object[] {"not sensitive", r.columnCount() - r.findings().size(), "#9e9e9e"});
    long max = 1;
    for (Object[] b : bars) {
      max = Math.max(max, ((Number) b[1]).longValue());
    }
    h.append("<h2>")
        .append(s.containsKey("not_covered") ? "Coverage" : "Columns by class")
        .append("</h2>\n");
    h.append("<svg id=\"chart\" width=\"560\" height=\"")
        .append(bars.size() * 30 + 10)
        .append("\" role=\"img\">");
    for (int i = 0; i < bars.size(); i++) {
      long n = ((Number) bars.get(i)[1]).longValue();
      int y = 5 + i * 30;
      h.append("<text x=\"0\" y=\"")
          .append(y + 16)
          .append("\" font-size=\"13\">")
          .append(esc((String) bars.get(i)[0]))
          .append("</text>");
      h.append("<rect class=\"bar\" data-label=\"")
          .append(esc((String) bars.get(i)[0]))
          .append("\" data-value=\"")
          .append(n)
          .append("\" x=\"140\" y=\"")
          .append(y)
          .append("\" height=\"22\" width=\"")
          .append(Math.max(1, 360 * n / max))
          .append("\" fill=\"")
          .append(bars.get(i)[2])
          .append("\"/>");
      h.append("<text x=\"")
          .append(146 + 360 * n / max)
          .append("\" y=\"")
          .append(y + 16)
          .append("\" font-size=\"13\">")
          .append(n)
          .append("</text>");
    }
    h.append("</svg>\n");
  }

  private static void card(StringBuilder h, String label, Object n) {
    h.append("<div class=\"card\" data-label=\"")
        .append(esc(label))
        .append("\"><b>")
        .append(n)
        .append("</b>")
        .append(esc(label))
        .append("</div>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
