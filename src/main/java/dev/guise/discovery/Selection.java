package dev.guise.discovery;

import dev.guise.schema.CatalogColumn;
import dev.guise.schema.CatalogTable;
import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The columns {@code --select FILE} chooses: the rows of an edited sdd-report.csv whose {@code
 * Selected} is TRUE (also yes, y, 1, x), or a list of {@code schema.table.column} (or {@code
 * table.column}), one a line, {@code #} comments allowed.
 */
public final class Selection {
  private static final Set<String> YES = Set.of("true", "yes", "y", "1", "x");

  private Selection() {}

  /** Lower-case {@code schema.table.column} names to their place in the file. */
  public static Map<String, Location> read(Path file, String shown, Diagnostics d) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      d.error("unreadable", Location.of(shown), "cannot read the selection file; check the path");
      return null;
    }
    Map<String, Location> out = new LinkedHashMap<>();
    if (text.startsWith("Selected,") || text.startsWith("\"Selected\",")) {
      try {
        var records =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text));
        for (CSVRecord r : records) {
          if (!r.isMapped("Table name") || !r.isMapped("Column name")) {
            d.error(
                "bad-value",
                new Location(shown, 1, 1),
                "the CSV needs the sdd-report columns 'Table name' and 'Column name'");
            return null;
          }
          if (YES.contains(r.get("Selected").trim().toLowerCase(Locale.ROOT))) {
            String schema = r.isMapped("Table schema") ? r.get("Table schema") : "";
            out.put(
                ((schema.isEmpty() ? "" : schema + ".")
                        + r.get("Table name")
                        + "."
                        + r.get("Column name"))
                    .toLowerCase(Locale.ROOT),
                new Location(shown, (int) r.getRecordNumber() + 1, 1));
          }
        }
      } catch (IOException | IllegalArgumentException | IllegalStateException e) {
        d.error("bad-value", Location.of(shown), "not a readable CSV: " + e.getMessage());
        return null;
      }
      return out;
    }
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.chars().filter(ch -> ch == '.').count() < 1 || l.contains(",") || l.contains(" ")) {
        d.error(
            "bad-value",
            new Location(shown, i + 1, 1),
            "'" + l + "' is not schema.table.column (or table.column); one column a line");
        continue;
      }
      out.put(l.toLowerCase(Locale.ROOT), new Location(shown, i + 1, 1));
    }
    return out;
  }

  /**
   * The report with a finding for every selected column (a column discovery did not flag is added
   * as {@code selected}), and errors for names that are not in the discovered schema.
   *
   * @return the selected names in the report's form, or null after an error
   */
  public static Set<String> resolve(
      Map<String, Location> chosen,
      DiscoveryReport report,
      String defaultSchema,
      List<Finding> added,
      Diagnostics d) {
    Map<String, String> known = new LinkedHashMap<>();
    for (CatalogTable t : report.tables()) {
      for (CatalogColumn c : t.columns()) {
        String full = (t.ref() + "." + c.name()).toLowerCase(Locale.ROOT);
        known.put(full, full);
        if (t.ref().schema() != null
            && t.ref().schema().equalsIgnoreCase(String.valueOf(defaultSchema))) {
          known.put((t.ref().name() + "." + c.name()).toLowerCase(Locale.ROOT), full);
        }
      }
    }
    Set<String> flagged = new java.util.HashSet<>();
    report.findings().forEach(f -> flagged.add(f.qualifiedName().toLowerCase(Locale.ROOT)));
    Set<String> out = new java.util.LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Location> e : chosen.entrySet()) {
      String full = known.get(e.getKey());
      if (full == null) {
        d.error(
            "unknown-column",
            e.getValue(),
            "no column '"
                + e.getKey()
                + "' in the discovered schema; check the name (schema.table.column)");
        missing.add(e.getKey());
        continue;
      }
      out.add(full);
      if (!flagged.contains(full)) {
        added.add(unflagged(report, full, e.getValue()));
      }
    }
    return missing.isEmpty() ? out : null;
  }

  private static Finding unflagged(DiscoveryReport report, String full, Location at) {
    for (CatalogTable t : report.tables()) {
      for (CatalogColumn c : t.columns()) {
        if ((t.ref() + "." + c.name()).equalsIgnoreCase(full)) {
          return new Finding(
              t.ref(),
              c,
              "selected",
              List.of(),
              "selection",
              "selected",
              "selected by hand (" + at + ")",
              -1);
        }
      }
    }
    throw new IllegalStateException(full);
  }
}
