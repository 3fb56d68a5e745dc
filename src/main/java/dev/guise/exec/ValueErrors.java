package dev.guise.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one table task that its masks could not mask and {@link OnValueError#SKIP} or
 * {@link OnValueError#NULL} let through: a count per column, the first reason (the mask's own
 * message, which never quotes the value) and the keys of the first rows. Never a value.
 */
final class ValueErrors {
  /** Row keys kept per column, so the record stays small on a table full of bad values. */
  static final int SAMPLE_KEYS = 10;

  private final Map<String, Column> columns = new LinkedHashMap<>();

  /** One column's tally. */
  static final class Column {
    long count;
    String reason;
    final List<String> keys = new ArrayList<>();
  }

  void add(String column, String rowKey, String reason) {
    Column c = columns.computeIfAbsent(column, k -> new Column());
    c.count++;
    if (c.reason == null) {
      c.reason = reason;
    }
    if (c.keys.size() < SAMPLE_KEYS) {
      c.keys.add(rowKey);
    }
  }

  /** Adds another tally's (a key range's) counts, reasons and row keys to this one. */
  void addAll(ValueErrors other) {
    other.columns.forEach(
        (name, o) -> {
          Column c = columns.computeIfAbsent(name, k -> new Column());
          c.count += o.count;
          if (c.reason == null) {
            c.reason = o.reason;
          }
          for (String k : o.keys) {
            if (c.keys.size() < SAMPLE_KEYS) {
              c.keys.add(k);
            }
          }
        });
  }

  long total() {
    return columns.values().stream().mapToLong(c -> c.count).sum();
  }

  /** The event that reports them, or null when there were none. */
  RunEvent.ValueErrorsCounted event(String taskId, String table, OnValueError policy) {
    if (columns.isEmpty()) {
      return null;
    }
    List<RunEvent.ColumnValueErrors> list = new ArrayList<>();
    columns.forEach(
        (name, c) ->
            list.add(new RunEvent.ColumnValueErrors(name, c.count, c.reason, List.copyOf(c.keys))));
    return new RunEvent.ValueErrorsCounted(taskId, table, policy.json(), total(), list);
  }
}
