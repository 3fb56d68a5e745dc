package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warns when a ruleset masks the same column twice (in one task or two), or the same table in two
 * {@code mask_table} tasks, as DataMasque does ("Ruleset YAML specification": {@code
 * disable_warning_on_duplicate_rules}); the top-level flag silences it. Each warning names both
 * places. Rules inside {@code if}/{@code else_rules} blocks are left out: one column in both
 * branches is the point of a condition.
 */
final class DuplicateRuleCheck {
  private final Diagnostics diagnostics;
  private final Map<String, Location> columns = new HashMap<>();
  private final Map<String, Location> tables = new HashMap<>();

  private DuplicateRuleCheck(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  static void warn(List<Task> tasks, Diagnostics diagnostics) {
    new DuplicateRuleCheck(diagnostics).walk(tasks);
  }

  private void walk(List<Task> tasks) {
    for (Task t : tasks) {
      // a mask_unique_key's key columns are claimed by the key path, which refuses a second mask
      if (t instanceof MaskTableTask m && m.table() != null) {
        check(m);
      }
      walk(t.children());
    }
  }

  private void check(MaskTableTask m) {
    String table = m.table().toLowerCase(Locale.ROOT);
    Location firstTask = tables.putIfAbsent(table, m.location());
    boolean columnWarned = false;
    for (RuleItem item : m.rules()) {
      if (!(item instanceof Rule r) || r.column() == null) {
        continue;
      }
      Location first =
          columns.putIfAbsent(table + "." + r.column().toLowerCase(Locale.ROOT), r.location());
      if (first != null) {
        columnWarned = true;
        diagnostics.warning(
            "duplicate-rule",
            r.location(),
            m.table()
                + "."
                + r.column()
                + " is also masked at "
                + first
                + "; the later rule overwrites the earlier; set"
                + " disable_warning_on_duplicate_rules: true if that is intended");
      }
    }
    if (firstTask != null && !columnWarned) {
      diagnostics.warning(
          "duplicate-rule",
          m.location(),
          "table "
              + m.table()
              + " is also masked by the task at "
              + firstTask
              + "; set disable_warning_on_duplicate_rules: true if that is intended, or merge"
              + " the two tasks' rules");
    }
  }
}
