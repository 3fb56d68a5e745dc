package dev.guise.exec;

import dev.guise.plan.MaskTableStep;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.RowView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each column of a table task's row sits, resolved once per task: the key, then the table's
 * other columns read, then joined columns. Rules find a column by position; conditions and masks
 * that name columns find them under every name a ruleset may use: each name exactly as the rules
 * write it (quoted or not, as the planner resolved it), the real name, lower case, {@code
 * table.column} (as the ruleset names the table, and its real name), and {@code
 * target_table.column} for joined columns.
 */
final class RowLayout {
  final List<ColumnInfo> columns;
  final int keySize;

  /** Positions of the columns written back, in the step's order. */
  final int[] written;

  private final Map<String, Integer> byName = new HashMap<>();

  RowLayout(MaskTableStep step, String tableAsWritten) {
    List<ColumnInfo> cols = new ArrayList<>(step.key());
    cols.addAll(step.read());
    int own = cols.size();
    step.joined().forEach(j -> cols.add(j.column()));
    this.columns = List.copyOf(cols);
    this.keySize = step.key().size();
    String realTable = step.table().ref().name().toLowerCase(Locale.ROOT);
    // real names first: a table may hold both "Name" and "name"
    for (int i = 0; i < own; i++) {
      byName.putIfAbsent(cols.get(i).name(), i);
    }
    for (int i = 0; i < own; i++) {
      String lower = cols.get(i).name().toLowerCase(Locale.ROOT);
      byName.putIfAbsent(lower, i);
      byName.putIfAbsent(tableAsWritten + "." + lower, i);
      byName.putIfAbsent(realTable + "." + lower, i);
    }
    Map<String, Integer> joined = new HashMap<>();
    for (int i = 0; i < step.joined().size(); i++) {
      joined.put(step.joined().get(i).reference(), own + i);
      byName.putIfAbsent(step.joined().get(i).reference(), own + i);
    }
    // the names exactly as the rules write them (quoted, qualified), as the planner resolved them
    step.references()
        .forEach(
            (written, known) -> {
              Integer i = joined.containsKey(known) ? joined.get(known) : realPosition(known, own);
              if (i != null) {
                byName.put(written, i);
              }
            });
    this.written = step.written().stream().mapToInt(c -> position(c.name())).toArray();
  }

  private Integer realPosition(String realName, int own) {
    for (int i = 0; i < own; i++) {
      if (columns.get(i).name().equals(realName)) {
        return i;
      }
    }
    return null;
  }

  private Integer find(String name) {
    Integer i = byName.get(name);
    return i != null ? i : byName.get(name.toLowerCase(Locale.ROOT));
  }

  /** The position of a column the planner resolved; a missing one is a bug. */
  int position(String name) {
    Integer i = find(name);
    if (i == null) {
      throw new IllegalStateException("column " + name + " was not planned for reading");
    }
    return i;
  }

  /** The row as masks and conditions see it; unknown names read as null. */
  RowView view(Object[] row) {
    return name -> {
      Integer i = find(name);
      return i == null ? null : row[i];
    };
  }
}
