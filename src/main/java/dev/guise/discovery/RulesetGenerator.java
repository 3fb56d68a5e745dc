package dev.guise.discovery;

import dev.guise.schema.CatalogColumn;
import dev.guise.schema.CatalogTable;
import dev.guise.schema.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a ruleset from discovery's findings: one {@code mask_table} per table with sensitive
 * columns, keyed on its primary key (else a unique key of non-null columns), a rule per column with
 * a mask fitting its label, type and length ({@link MaskChoice}) and a comment saying why, all in
 * one {@code parallel} block (the rules write no key, so the tables do not depend on each other).
 * Tables without a usable key and key columns (masking keys is not generated) are listed at the top
 * of the file with the reason.
 */
public final class RulesetGenerator {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The ruleset text and what was left out of it, one line per item. */
  public record Generated(String yaml, List<String> leftOut, int tables, int rules) {}

  private RulesetGenerator() {}

  /**
   * @param selected {@code schema.table.column} names (lower case) to generate for, or null for
   *     every finding
   * @param defaultSchema the connection's schema: its tables are written without one
   */
  public static Generated generate(
      DiscoveryReport report, Set<String> selected, String defaultSchema, String header) {
    Map<TableRef, List<Finding>> byTable = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      if (selected == null || selected.contains(f.qualifiedName().toLowerCase(Locale.ROOT))) {
        byTable.computeIfAbsent(f.table(), k -> new ArrayList<>()).add(f);
      }
    }
    List<String> leftOut = new ArrayList<>();
    StringBuilder tasks = new StringBuilder();
    int tableCount = 0;
    int ruleCount = 0;
    for (Map.Entry<TableRef, List<Finding>> e : byTable.entrySet()) {
      CatalogTable t = report.table(e.getKey()).orElseThrow();
      List<String> key = key(t);
      if (key == null) {
        leftOut.add(
            t.ref()
                + " - no primary key or unique key of non-null columns to write rows back by; "
                + "its sensitive columns ("
                + String.join(", ", e.getValue().stream().map(f -> f.column().name()).toList())
                + ") are not masked");
        continue;
      }
      StringBuilder rules = new StringBuilder();
      for (Finding f : e.getValue()) {
        CatalogColumn c = f.column();
        if (key.stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))
            || !t.referencesTo(c.name()).isEmpty()) {
          leftOut.add(
              f.qualifiedName()
                  + " - a key column ("
                  + f.label()
                  + "): generated rulesets leave keys alone; mask it with imitate_unique and its"
                  + " foreign keys by hand");
          continue;
        }
        MaskChoice m = MaskChoice.of(f);
        rules
            .append("          # ")
            .append(f.label())
            .append(" (")
            .append(String.join("/", f.classes()));
        rules
            .append("): ")
            .append(oneLine(f.reason()))
            .append("; mask: ")
            .append(m.why())
            .append('\n');
        rules.append("          - column: ").append(scalar(c.name())).append('\n');
        if (m.hashed()) {
          rules.append("            hash_columns: [").append(scalar(c.name())).append("]\n");
        }
        rules.append("            masks:\n");
        for (String line : m.yaml()) {
          rules.append(line).append('\n');
        }
        ruleCount++;
      }
      if (rules.length() == 0) {
        continue;
      }
      tableCount++;
      tasks.append("      - type: mask_table\n");
      tasks
          .append("        table: ")
          .append(scalar(tableName(t.ref(), defaultSchema)))
          .append('\n');
      tasks
          .append("        key: ")
          .append(
              key.size() == 1
                  ? scalar(key.get(0))
                  : "["
                      + String.join(", ", key.stream().map(RulesetGenerator::scalar).toList())
                      + "]")
          .append('\n');
      tasks.append("        rules:\n").append(rules);
    }
    StringBuilder y = new StringBuilder();
    for (String h : header.split("\n")) {
      y.append("# ").append(h).append('\n');
    }
    if (!leftOut.isEmpty()) {
      y.append("#\n# Left out:\n");
      leftOut.forEach(l -> y.append("#   ").append(oneLine(l)).append('\n'));
    }
    y.append("version: '1.0'\n");
    if (tableCount == 0) {
      y.append("tasks: []\n");
    } else {
      y.append("tasks:\n  - type: parallel\n    tasks:\n").append(tasks);
    }
    return new Generated(y.toString(), List.copyOf(leftOut), tableCount, ruleCount);
  }

  /** The primary key, else the first unique key whose columns are all NOT NULL, else null. */
  static List<String> key(CatalogTable t) {
    if (!t.primaryKey().isEmpty()) {
      return t.primaryKey();
    }
    for (List<String> k : t.uniqueKeys()) {
      if (k.stream().allMatch(c -> t.column(c).map(col -> !col.nullable()).orElse(false))) {
        return k;
      }
    }
    return null;
  }

  private static String tableName(TableRef ref, String defaultSchema) {
    boolean local = ref.schema() == null || ref.schema().equals(defaultSchema);
    return local ? ref.name() : ref.schema() + "." + ref.name();
  }

  private static String scalar(String s) {
    return PLAIN.matcher(s.replace(".", "_")).matches() && !s.isEmpty()
        ? s
        : "'" + s.replace("'", "''") + "'";
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
