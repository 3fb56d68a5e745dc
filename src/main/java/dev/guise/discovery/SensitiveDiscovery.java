package dev.guise.discovery;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.Dialect;
import dev.guise.db.Redact;
import dev.guise.schema.CatalogColumn;
import dev.guise.schema.CatalogTable;
import dev.guise.schema.ColumnCategory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flags sensitive columns: keyword rules over names first, then the data rules over a bounded
 * sample of each table (one read per table, at most {@code sampleRows} rows, values kept only while
 * the table is classified and never reported).
 */
public final class SensitiveDiscovery {
  private static final int MAX_VALUE_CHARS = 2_000;

  private final DiscoveryRules rules;
  private final DataRules dataRules;
  private final int sampleRows;

  /**
   * @param sampleRows rows sampled per table; 0 reads every row, a negative number none
   * @param today the day birth-date plausibility is measured from
   */
  public SensitiveDiscovery(DiscoveryRules rules, int sampleRows, LocalDate today) {
    this.rules = rules;
    this.dataRules = new DataRules(rules, today);
    this.sampleRows = sampleRows;
  }

  /** Discovers the findings of the tables, reading samples through {@code c}. */
  public DiscoveryReport discover(Connection c, Dialect dialect, List<CatalogTable> tables) {
    List<Finding> all = new ArrayList<>();
    for (CatalogTable t : tables) {
      all.addAll(table(c, dialect, t));
    }
    return new DiscoveryReport(tables, List.copyOf(all), sampleRows, List.of());
  }

  private List<Finding> table(Connection c, Dialect dialect, CatalogTable t) {
    List<String> tableTokens = NameTokens.of(t.ref().name());
    Map<String, MetadataRule.Match> byName = new LinkedHashMap<>();
    List<CatalogColumn> sampled = new ArrayList<>();
    for (CatalogColumn col : t.columns()) {
      if (rules.ignoresColumn(t.ref() + "." + col.name())
          || rules.ignoresColumn(t.ref().name() + "." + col.name())
          || !t.foreignKeysOf(col.name()).isEmpty()) {
        continue; // a foreign key holds the other table's key: it is found there
      }
      MetadataRule.Match m = metadata(col, tableTokens);
      if (m != null) {
        byName.put(col.name(), m);
      }
      if (sampleRows >= 0 && sampleable(col)) {
        sampled.add(col);
      }
    }
    Map<String, DataRules.Hit> byData =
        sampled.isEmpty() ? Map.of() : sample(c, dialect, t, sampled);
    List<Finding> out = new ArrayList<>();
    for (CatalogColumn col : t.columns()) {
      MetadataRule.Match m = byName.get(col.name());
      DataRules.Hit h = byData.get(col.name());
      Finding f = decide(t, col, m, h);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  private MetadataRule.Match metadata(CatalogColumn col, List<String> tableTokens) {
    List<String> tokens = NameTokens.of(col.name());
    TypeFamily type = TypeFamily.of(col.category());
    MetadataRule.Match best = null;
    for (MetadataRule r : rules.rules) {
      MetadataRule.Match m = r.match(tokens, type, tableTokens, rules.qualifiers);
      if (m != null && m.beats(best)) {
        best = m;
      }
    }
    return best == null || !best.rule().sensitive() ? null : best;
  }

  private static Finding decide(
      CatalogTable t, CatalogColumn col, MetadataRule.Match m, DataRules.Hit h) {
    String ratio = h == null ? "" : String.format(Locale.ROOT, "%.0f%%", h.ratio() * 100);
    if (m != null) {
      MetadataRule r = m.rule();
      boolean agrees = h != null && h.sensitive();
      String reason =
          "column name matches '"
              + m.keyword()
              + "' (rule "
              + r.id()
              + ")"
              + (agrees ? "; " + ratio + " of " + h.sampled() + " sampled values " + what(h) : "");
      return new Finding(
          t.ref(),
          col,
          r.label(),
          r.classes(),
          agrees ? "metadata+data" : "metadata",
          r.id(),
          reason,
          h == null ? -1 : h.ratio());
    }
    if (h != null && h.sensitive()) {
      return new Finding(
          t.ref(),
          col,
          h.label(),
          h.classes(),
          "data",
          h.rule(),
          ratio + " of " + h.sampled() + " sampled non-null values " + what(h),
          h.ratio());
    }
    return null;
  }

  private static String what(DataRules.Hit h) {
    return switch (h.rule()) {
      case "free_text" -> "embed an email address or phone number";
      case "date_of_birth" -> "are dates 16 to 100 years ago";
      case "first_name", "last_name", "full_name" ->
          "are in the built-in " + h.rule().replace('_', ' ') + " list";
      case "card_number" -> "are valid card numbers (Luhn)";
      case "iban" -> "are valid IBANs (mod 97)";
      case "ssn" -> "are valid US SSNs";
      case "ipv4", "ipv6" -> "are valid " + h.rule().toUpperCase(Locale.ROOT) + " addresses";
      default -> "are valid " + h.rule().replace('_', ' ') + "s";
    };
  }

  private static boolean sampleable(CatalogColumn col) {
    return col.category() == ColumnCategory.TEXT
        || col.category() == ColumnCategory.DATE
        || (col.category() == ColumnCategory.DECIMAL && col.precision() >= 13 && col.scale() == 0);
  }

  private Map<String, DataRules.Hit> sample(
      Connection c, Dialect dialect, CatalogTable t, List<CatalogColumn> cols) {
    List<List<String>> values = new ArrayList<>();
    cols.forEach(x -> values.add(new ArrayList<>()));
    String sql =
        dialect.sampleRows(
            t.ref(), cols.stream().map(CatalogColumn::name).toList(), sampleRows, t.rowEstimate());
    try (Statement st = c.createStatement()) {
      st.setFetchSize(Math.min(Math.max(sampleRows, 100), 1_000));
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          for (int i = 0; i < cols.size(); i++) {
            String v = rs.getString(i + 1);
            if (v != null && !v.isBlank()) {
              values.get(i).add(v.length() > MAX_VALUE_CHARS ? v.substring(0, MAX_VALUE_CHARS) : v);
            }
          }
        }
      }
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          t.ref() + " - cannot read a sample for discovery: " + Redact.sqlError(e),
          e);
    }
    Map<String, DataRules.Hit> out = new LinkedHashMap<>();
    for (int i = 0; i < cols.size(); i++) {
      DataRules.Hit h =
          dataRules.classify(values.get(i), cols.get(i).category() == ColumnCategory.DATE);
      if (h != null) {
        out.put(cols.get(i).name(), h);
      }
    }
    return out;
  }
}
