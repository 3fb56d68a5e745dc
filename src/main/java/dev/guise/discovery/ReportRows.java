package dev.guise.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guise.schema.CatalogColumn;
import dev.guise.schema.CatalogTable;
import dev.guise.schema.ForeignKey;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A discovery report as rows, one per column of every table, in the vendor's sdd-report order;
 * shared by the CSV, JSON, text and HTML forms. Holds names, types and reasons, never a value.
 */
public final class ReportRows {
  /** The sdd-report.csv header, in the vendor's order. */
  public static final List<String> HEADER =
      List.of(
          "Selected",
          "Table schema",
          "Table name",
          "Column name",
          "Data Type",
          "Constraint",
          "Foreign Keys",
          "Max Length",
          "Numeric Precision",
          "Numeric Scale",
          "Reason for flag",
          "Flagged by",
          "Data classifications");

  private static final List<String> COVERAGE_HEADER = List.of("Masked by", "Coverage gap");

  private ReportRows() {}

  /** Every column of the report's tables, flagged ones Selected. */
  public static List<List<String>> rows(DiscoveryReport r) {
    Map<String, Finding> flagged = new HashMap<>();
    r.findings().forEach(f -> flagged.put(key(f.qualifiedName()), f));
    Map<String, Coverage> covered = new HashMap<>();
    r.coverage().forEach(c -> covered.put(key(c.finding().qualifiedName()), c));
    List<List<String>> out = new ArrayList<>();
    for (CatalogTable t : r.tables()) {
      for (CatalogColumn c : t.columns()) {
        String k = key(t.ref() + "." + c.name());
        Finding f = flagged.get(k);
        List<String> row = new ArrayList<>();
        row.add(f == null ? "FALSE" : "TRUE");
        row.add(t.ref().schema() == null ? "" : t.ref().schema());
        row.add(t.ref().name());
        row.add(c.name());
        row.add(c.dataType());
        row.add(constraint(t, c));
        row.add(foreignKeys(t, c));
        row.add(c.maxLength() > 0 ? String.valueOf(c.maxLength()) : "");
        row.add(c.precision() > 0 ? String.valueOf(c.precision()) : "");
        row.add(c.precision() > 0 ? String.valueOf(c.scale()) : "");
        row.add(f == null ? "" : f.label() + ": " + f.reason());
        row.add(f == null ? "" : f.flaggedBy());
        row.add(f == null ? "" : String.join(", ", f.classes()));
        if (!r.coverage().isEmpty()) {
          Coverage cov = covered.get(k);
          row.add(cov == null ? "" : cov.covered() ? cov.maskedBy() : "NOT COVERED");
          row.add(cov == null || cov.gap() == null ? "" : cov.gap());
        }
        out.add(row);
      }
    }
    return out;
  }

  public static List<String> header(DiscoveryReport r) {
    List<String> h = new ArrayList<>(HEADER);
    if (!r.coverage().isEmpty()) {
      h.addAll(COVERAGE_HEADER);
    }
    return h;
  }

  /** The sdd-report.csv (with coverage columns appended when a ruleset was checked). */
  public static void csv(DiscoveryReport r, Writer out) throws IOException {
    printCsv(header(r), rows(r), out);
  }

  static void printCsv(List<String> header, List<List<String>> rows, Writer out)
      throws IOException {
    CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
    p.printRecord(header);
    for (List<String> row : rows) {
      p.printRecord(row);
    }
    p.flush();
  }

  /** The report as plain maps and lists, for JSON. */
  public static Map<String, Object> json(DiscoveryReport r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("summary", summary(r));
    // built table by table as the JSON is written: 100,000 columns never sit in memory as maps
    doc.put("tables", r.tables().stream().map(ReportRows::tableJson).iterator());
    List<Object> findings = new ArrayList<>();
    for (int i = 0; i < r.findings().size(); i++) {
      Finding f = r.findings().get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("schema", f.table().schema());
      m.put("table", f.table().name());
      m.put("column", f.column().name());
      m.put("label", f.label());
      m.put("classes", f.classes());
      m.put("flagged_by", f.flaggedBy());
      m.put("rule", f.rule());
      m.put("reason", f.reason());
      m.put("hit_ratio", f.hitRatio() < 0 ? null : f.hitRatio());
      if (!r.coverage().isEmpty()) {
        Coverage c = r.coverage().get(i);
        m.put("covered", c.covered());
        m.put("masked_by", c.maskedBy());
        m.put("gap", c.gap());
      }
      findings.add(m);
    }
    doc.put("findings", findings);
    return doc;
  }

  /**
   * The schema report as JSON text: the tables with their columns, keys, indexes and foreign keys
   * (what {@code run_schema_discovery} writes as schema-report.json).
   */
  public static String schemaJson(DiscoveryReport r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("tables", r.tables().size());
    summary.put("columns", r.columnCount());
    doc.put("summary", summary);
    doc.put("tables", r.tables().stream().map(ReportRows::tableJson).toList());
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("schema report - cannot be written as JSON", e);
    }
  }

  private static Map<String, Object> tableJson(CatalogTable t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", t.ref().schema());
    m.put("table", t.ref().name());
    m.put("row_estimate", t.rowEstimate());
    m.put("primary_key", t.primaryKey());
    m.put(
        "indexes",
        t.indexes().stream()
            .map(
                i ->
                    Map.of(
                        "name",
                        i.name(),
                        "columns",
                        i.columns(),
                        "unique",
                        i.unique(),
                        "primary",
                        i.primary()))
            .toList());
    m.put("foreign_keys", t.foreignKeys().stream().map(ReportRows::fk).toList());
    m.put("referenced_by", t.referencedBy().stream().map(ReportRows::fk).toList());
    m.put(
        "columns",
        t.columns().stream()
            .map(
                c -> {
                  Map<String, Object> cm = new LinkedHashMap<>();
                  cm.put("name", c.name());
                  cm.put("data_type", c.dataType());
                  cm.put("max_length", c.maxLength() > 0 ? c.maxLength() : null);
                  cm.put("precision", c.precision() > 0 ? c.precision() : null);
                  cm.put("scale", c.precision() > 0 ? c.scale() : null);
                  cm.put("nullable", c.nullable());
                  return cm;
                })
            .toList());
    return m;
  }

  static Map<String, Object> summary(DiscoveryReport r) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("tables", r.tables().size());
    s.put("columns", r.columnCount());
    s.put("sensitive_columns", r.findings().size());
    s.put(
        "tables_with_sensitive_columns",
        r.findings().stream().map(Finding::table).distinct().count());
    Map<String, Long> byClass = new LinkedHashMap<>();
    for (String c : List.of("PII", "PHI", "PCI")) {
      byClass.put(c, r.findings().stream().filter(f -> f.classes().contains(c)).count());
    }
    s.put("by_class", byClass);
    s.put("sample_rows", r.sampleRows());
    if (!r.coverage().isEmpty()) {
      s.put("covered", r.coverage().stream().filter(c -> c.covered() && c.gap() == null).count());
      s.put(
          "covered_with_gaps",
          r.coverage().stream().filter(c -> c.covered() && c.gap() != null).count());
      s.put("not_covered", r.uncovered());
    }
    return s;
  }

  private static Map<String, Object> fk(ForeignKey f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", f.name());
    m.put("from", f.child().toString());
    m.put("from_columns", f.childColumns());
    m.put("to", f.parent().toString());
    m.put("to_columns", f.parentColumns());
    return m;
  }

  private static String constraint(CatalogTable t, CatalogColumn c) {
    List<String> out = new ArrayList<>();
    if (t.inPrimaryKey(c.name())) {
      out.add("PRIMARY KEY");
    }
    boolean unique =
        t.indexes().stream()
            .anyMatch(
                i ->
                    i.unique()
                        && !i.primary()
                        && i.columns().stream().anyMatch(x -> x.equalsIgnoreCase(c.name())));
    if (unique) {
      out.add("UNIQUE");
    }
    if (!t.foreignKeysOf(c.name()).isEmpty()) {
      out.add("FOREIGN KEY");
    }
    if (!c.nullable()) {
      out.add("NOT NULL");
    }
    return String.join(", ", out);
  }

  private static String foreignKeys(CatalogTable t, CatalogColumn c) {
    List<String> out = new ArrayList<>();
    t.foreignKeysOf(c.name())
        .forEach(
            f -> out.add("-> " + f.parent() + "(" + String.join(", ", f.parentColumns()) + ")"));
    t.referencesTo(c.name())
        .forEach(f -> out.add("<- " + f.child() + "(" + String.join(", ", f.childColumns()) + ")"));
    return String.join("; ", out);
  }

  static String key(String qualified) {
    return qualified.toLowerCase(Locale.ROOT);
  }
}
