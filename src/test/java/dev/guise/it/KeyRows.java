package dev.guise.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rows of the key family's tables as the key path tests compare them. */
final class KeyRows {
  private KeyRows() {}

  /** Columns the key path rewrites, by table. */
  static final Map<String, Set<String>> KEY_COLUMNS =
      Map.of(
          "customers", Set.of("code"),
          "orders", Set.of("cust"),
          "invoices", Set.of("cust"),
          "lines", Set.of("cust"),
          "notes", Set.of("cust"),
          "employees", Set.of("id", "manager"),
          "cyc_a", Set.of("id"),
          "cyc_b", Set.of("a_id"));

  static Map<String, Object> lower(Map<String, Object> r) {
    Map<String, Object> out = new java.util.HashMap<>();
    r.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  static Map<Object, Object> byId(List<Map<String, Object>> rows, String column) {
    Map<Object, Object> out = new java.util.HashMap<>();
    for (Map<String, Object> r : rows) {
      Map<String, Object> row = lower(r);
      out.put(((Number) row.get("id")).longValue(), row.get(column));
    }
    return out;
  }

  /**
   * Each table's rows as sorted text, key columns shifted when {@code masked} (as the run must
   * leave them) and customers' name as its rule writes it.
   */
  static Map<String, List<String>> canonical(
      Map<String, List<Map<String, Object>>> dump, boolean masked) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    dump.forEach(
        (t, rows) -> {
          List<String> lines = new ArrayList<>();
          for (Map<String, Object> r : rows) {
            Map<String, Object> row = new java.util.TreeMap<>();
            r.forEach(
                (c, v) -> {
                  String col = c.toLowerCase(Locale.ROOT);
                  Object value = v instanceof Number n ? n.longValue() : v;
                  if (masked && KEY_COLUMNS.getOrDefault(t, Set.of()).contains(col)) {
                    value = ShiftUniqueMask.shift(value);
                  }
                  if (masked && t.equals("customers") && col.equals("name")) {
                    value = "someone";
                  }
                  row.put(col, value);
                });
            lines.add(row.toString());
          }
          lines.sort(null);
          out.put(t, lines);
        });
    return out;
  }
}
