package dev.guise.discovery;

import dev.guise.ruleset.ConditionalRule;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.RuleItem;
import dev.guise.ruleset.Ruleset;
import dev.guise.ruleset.Task;
import dev.guise.ruleset.TruncateTableTask;
import dev.guise.schema.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which rule of a ruleset masks each sensitive column: a {@code mask_table} rule on it (noting a
 * {@code where}, a {@code skip} or an {@code if:} that leaves rows unmasked) or a {@code
 * truncate_table} of its table; otherwise the column is not covered.
 */
public final class CoverageCheck {
  private CoverageCheck() {}

  private record Masking(String by, String gap) {}

  /**
   * @param defaultSchema the schema a table the ruleset names without one is in
   */
  public static List<Coverage> of(DiscoveryReport report, Ruleset ruleset, String defaultSchema) {
    Map<String, Masking> masked = new LinkedHashMap<>();
    collect(ruleset.tasks(), ruleset, masked);
    List<Coverage> out = new ArrayList<>();
    for (Finding f : report.findings()) {
      Masking m = find(masked, f.table(), f.column().name(), defaultSchema);
      out.add(new Coverage(f, m == null ? null : m.by(), m == null ? null : m.gap()));
    }
    return out;
  }

  private static Masking find(
      Map<String, Masking> masked, TableRef table, String column, String defaultSchema) {
    String col = column.toLowerCase(Locale.ROOT);
    Masking whole = null;
    for (Map.Entry<String, Masking> e : masked.entrySet()) {
      String[] k = e.getKey().split("\u0000", -1);
      if (!sameTable(k[0], table, defaultSchema)) {
        continue;
      }
      if (k[1].equals(col)) {
        return e.getValue();
      }
      if (k[1].equals("*")) {
        whole = e.getValue();
      }
    }
    return whole;
  }

  /**
   * A table as the ruleset writes it ({@code t}, {@code s.t}, quoted or not) against a real one.
   */
  static boolean sameTable(String written, TableRef table, String defaultSchema) {
    String w = written.replace("\"", "").replace("`", "");
    int dot = w.lastIndexOf('.');
    String schema = dot < 0 ? defaultSchema : w.substring(0, dot);
    String name = dot < 0 ? w : w.substring(dot + 1);
    return name.equalsIgnoreCase(table.name())
        && (schema == null || table.schema() == null || schema.equalsIgnoreCase(table.schema()));
  }

  private static void collect(List<Task> tasks, Ruleset ruleset, Map<String, Masking> out) {
    for (Task t : tasks) {
      MaskTableTask m = t.asMaskTable();
      if (m != null) {
        String where =
            m.where() == null ? null : "its where clause leaves the rows it excludes unmasked";
        rules(m, m.rules(), ruleset, where, null, out);
      } else if (t instanceof TruncateTableTask tt) {
        out.putIfAbsent(
            key(tt.table(), "*"),
            new Masking(tt.location() + " truncate_table " + tt.table(), null));
      }
      collect(t.children(), ruleset, out);
    }
  }

  private static void rules(
      MaskTableTask task,
      List<RuleItem> items,
      Ruleset ruleset,
      String where,
      String condition,
      Map<String, Masking> out) {
    for (RuleItem item : items) {
      if (item instanceof Rule r) {
        // null and the empty string hold nothing to leak: skipping them leaves no gap
        boolean skips =
            (r.skip() == null ? ruleset.skipDefaults() : r.skip())
                .stream()
                    .anyMatch(
                        v -> v.matches() != null || (v.value() != null && !"".equals(v.value())));
        List<String> gaps = new ArrayList<>();
        if (where != null) {
          gaps.add(where);
        }
        if (condition != null) {
          gaps.add(condition);
        }
        if (skips) {
          gaps.add("its skip values stay unmasked");
        }
        String by =
            r.location()
                + " mask_table "
                + task.table()
                + ", rule "
                + r.column()
                + " ("
                + masks(r)
                + ")";
        Masking m = new Masking(by, gaps.isEmpty() ? null : String.join("; ", gaps));
        String k = key(task.table(), r.column());
        Masking old = out.get(k);
        if (old == null || (old.gap() != null && m.gap() == null)) {
          out.put(k, m);
        }
      } else if (item instanceof ConditionalRule c) {
        List<String> inBoth = columns(c.rules());
        inBoth.retainAll(columns(c.elseRules()));
        String cond = "only rows its if: conditions select are masked";
        rules(task, c.rules(), ruleset, where, cond, out);
        rules(
            task,
            c.elseRules(),
            ruleset,
            where,
            "only rows its if: conditions reject are masked",
            out);
        for (String col : inBoth) {
          Masking m = out.get(key(task.table(), col));
          out.put(key(task.table(), col), new Masking(m.by() + " and its else_rules", where));
        }
      }
    }
  }

  private static List<String> columns(List<RuleItem> items) {
    List<String> out = new ArrayList<>();
    for (RuleItem i : items) {
      if (i instanceof Rule r) {
        out.add(r.column().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static String masks(Rule r) {
    return String.join(
        ", ",
        r.masks().items().stream()
            .map(
                n ->
                    n instanceof dev.guise.yaml.YNode.YMap m
                            && m.get("type") instanceof dev.guise.yaml.YNode.YScalar s
                        ? s.asText()
                        : "?")
            .toList());
  }

  private static String key(String table, String column) {
    return table + "\u0000" + column.toLowerCase(Locale.ROOT);
  }
}
