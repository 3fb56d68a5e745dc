package dev.guise.plan;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.IdentifierRules;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import dev.guise.schema.WrittenName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns a task can address: its table's by name or {@code table.column}, and join targets' as
 * {@code target_table.column}, each part quoted or not. Collects what must be read, and how every
 * name the rules read maps to a read column.
 */
final class ColumnScope {
  final TableInfo table;
  final List<PlannedJoin> joins = new ArrayList<>();
  final Map<String, ColumnInfo> base = new LinkedHashMap<>();
  final Map<String, JoinedColumn> joined = new LinkedHashMap<>();

  /**
   * Every column name the rules read, as written, to the name the row knows it by: a table column's
   * real name, or a joined column's {@link JoinedColumn#reference()}.
   */
  final Map<String, String> references = new LinkedHashMap<>();

  private final PlanContext ctx;
  private final IdentifierRules rules;

  ColumnScope(TableInfo table, PlanContext ctx) {
    this.table = table;
    this.ctx = ctx;
    this.rules = ctx.identifiers();
  }

  void read(String name, String where) {
    if (name == null) {
      return;
    }
    WrittenName w = rules.parse(name);
    // a real column whose name holds a dot keeps working unquoted, as it always did
    if (w.problem() != null || w.parts().size() == 1 || table.column(name).isPresent()) {
      ctx.column(table, name, where).ifPresent(c -> readBase(name, c));
      return;
    }
    List<WrittenName.Part> qualifier = w.qualifier();
    PlannedJoin j = join(qualifier);
    if (j != null) {
      ctx.column(j.target(), w.last(), name, where)
          .ifPresent(
              c -> {
                String ref = (j.name() + "." + c.name()).toLowerCase(Locale.ROOT);
                joined.putIfAbsent(ref, new JoinedColumn(ref, j, c));
                references.put(name, ref);
              });
      return;
    }
    if (names(qualifier, table.ref())) {
      ctx.column(table, w.last(), name, where).ifPresent(c -> readBase(name, c));
      return;
    }
    ctx.diagnostics()
        .error(
            "unknown-column",
            name,
            "names table '"
                + String.join(".", qualifier.stream().map(WrittenName.Part::written).toList())
                + "', which is neither the task's table nor a"
                + " join target (named at "
                + where
                + "); add a join for it");
  }

  private void readBase(String written, ColumnInfo c) {
    base.putIfAbsent(c.name(), c);
    references.put(written, c.name());
  }

  /** The task's table or an earlier join's target that a written table name means, or null. */
  TableInfo source(String written) {
    WrittenName w = rules.parse(written);
    if (w.problem() != null) {
      return null;
    }
    if (names(w.parts(), table.ref())) {
      return table;
    }
    PlannedJoin j = join(w.parts());
    return j == null ? null : j.target();
  }

  private PlannedJoin join(List<WrittenName.Part> qualifier) {
    for (PlannedJoin j : joins) {
      if (names(qualifier, j.target().ref())) {
        return j;
      }
    }
    return null;
  }

  /** True when {@code table} or {@code schema.table} as written means this table. */
  private boolean names(List<WrittenName.Part> written, TableRef ref) {
    return switch (written.size()) {
      case 1 -> rules.means(written.get(0), ref.name());
      case 2 ->
          rules.means(written.get(0), ref.schema()) && rules.means(written.get(1), ref.name());
      default -> false;
    };
  }
}
