package dev.guise.discovery;

import dev.guise.schema.CatalogTable;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The discovery report for a terminal: tables, then each sensitive column and why. */
public final class TextReport {
  private TextReport() {}

  public static void write(DiscoveryReport r, PrintWriter out) {
    Map<String, Object> s = ReportRows.summary(r);
    out.printf(
        Locale.ROOT,
        "%d tables, %d columns; %d sensitive columns in %d tables (PII %s, PHI %s, PCI %s)%n",
        r.tables().size(),
        r.columnCount(),
        r.findings().size(),
        s.get("tables_with_sensitive_columns"),
        ((Map<?, ?>) s.get("by_class")).get("PII"),
        ((Map<?, ?>) s.get("by_class")).get("PHI"),
        ((Map<?, ?>) s.get("by_class")).get("PCI"));
    out.println();
    out.println("Tables:");
    for (CatalogTable t : r.tables()) {
      out.printf(
          Locale.ROOT,
          "  %-40s %8s rows  %3d columns  key %s  %d FK out, %d in%n",
          t.ref(),
          t.rowEstimate() < 0 ? "?" : "~" + t.rowEstimate(),
          t.columns().size(),
          t.primaryKey().isEmpty()
              ? (RulesetGenerator.key(t) == null ? "none" : "unique " + RulesetGenerator.key(t))
              : t.primaryKey().toString(),
          t.foreignKeys().size(),
          t.referencedBy().size());
    }
    out.println();
    out.println("Sensitive columns:");
    for (int i = 0; i < r.findings().size(); i++) {
      Finding f = r.findings().get(i);
      out.printf(
          Locale.ROOT,
          "  %-48s %-22s %-8s %s - %s%n",
          f.qualifiedName(),
          f.label(),
          String.join("/", f.classes()),
          f.flaggedBy(),
          f.reason());
      if (!r.coverage().isEmpty()) {
        Coverage c = r.coverage().get(i);
        out.println(
            "      "
                + (c.covered() ? "masked by " + c.maskedBy() : "NOT COVERED by the ruleset")
                + (c.gap() == null ? "" : " - but " + c.gap()));
      }
    }
    if (!r.coverage().isEmpty()) {
      out.println();
      out.printf(
          Locale.ROOT,
          "Coverage: %s covered, %s covered with gaps, %s not covered%n",
          s.get("covered"),
          s.get("covered_with_gaps"),
          s.get("not_covered"));
    }
    out.flush();
  }
}
