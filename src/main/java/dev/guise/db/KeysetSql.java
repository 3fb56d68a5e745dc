package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The SQL of a table task's reads, in the dialect's quoting: keyset-paginated batches (never
 * OFFSET: each batch starts where the last ended, by index) and the row count.
 */
public final class KeysetSql {
  private KeysetSql() {}

  /**
   * The standard keyset read: the key condition {@code (k1, k2) > (?, ?)} spelt out as ORs, so that
   * every engine's planner can use the key index, with its binder.
   */
  public static KeysetQuery expanded(Dialect d, BatchQuery q, boolean afterKey, int limit) {
    if (!afterKey) {
      return new KeysetQuery(select(d, q, null, limit), KeysetQuery.Binder.NONE);
    }
    return new KeysetQuery(
        select(d, q, expandedKeyAfter(qualifiedKey(d, q)), limit),
        (ps, lastKey, keyColumns) -> bindExpanded(d, ps, 1, lastKey, keyColumns));
  }

  /**
   * As {@link #expanded}, ending at the key {@code upTo} (included): one key range of a table split
   * between workers. The binder fills the start key's parameters, then {@code upTo}'s.
   *
   * @param upTo the range's last key, or null for a range open at its end
   */
  public static KeysetQuery range(
      Dialect d, BatchQuery q, boolean afterKey, Object[] upTo, int limit) {
    if (upTo == null) {
      return expanded(d, q, afterKey, limit);
    }
    List<String> key = qualifiedKey(d, q);
    List<String> binds = Collections.nCopies(key.size(), "?");
    return new KeysetQuery(
        select(d, q, between(key, afterKey ? binds : null, binds), limit),
        (ps, lastKey, keyColumns) -> {
          int next = afterKey ? bindExpanded(d, ps, 1, lastKey, keyColumns) : 1;
          bindExpanded(d, ps, next, upTo, keyColumns);
        });
  }

  /**
   * As {@link #range}, with the keys written in as literals: for a statement that takes no
   * parameters (PostgreSQL's {@code COPY (SELECT ...)}).
   *
   * @param after the last key read, or null for the first batch
   * @param upTo the range's last key, or null for a range open at its end
   */
  public static String rangeWithLiterals(
      Dialect d,
      BatchQuery q,
      Object[] after,
      Object[] upTo,
      int limit,
      Function<Object, String> literal) {
    return select(
        d,
        q,
        between(
            qualifiedKey(d, q),
            after == null ? null : Arrays.stream(after).map(literal).toList(),
            upTo == null ? null : Arrays.stream(upTo).map(literal).toList()),
        limit);
  }

  /**
   * The key condition of a range: after {@code after} and up to {@code upTo} (included), each a
   * key's parameters or literals, or null for the range open at that side; null for no condition.
   */
  private static String between(List<String> key, List<String> after, List<String> upTo) {
    List<String> conditions = new ArrayList<>();
    if (after != null) {
      conditions.add(expandedKeyAfter(key, after));
    }
    if (upTo != null) {
      conditions.add("NOT (" + expandedKeyAfter(key, upTo) + ")");
    }
    return conditions.isEmpty() ? null : String.join(" AND ", conditions);
  }

  /**
   * The key of the row at {@code offset} (from 0) in key order, among rows whose key has no NULL:
   * where a table is cut into key ranges. The user's {@code where} and joins are left out, so the
   * cuts depend on the keys alone (which masking a table's other columns never changes).
   */
  public static String keyAt(Dialect d, BatchQuery q, long offset) {
    BatchQuery keys = keysOnly(q);
    StringBuilder sql =
        new StringBuilder("SELECT ").append(String.join(", ", qualifiedKey(d, keys)));
    sql.append(from(d, keys));
    List<String> conditions = filters(d, keys);
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(" ORDER BY ").append(String.join(", ", qualifiedKey(d, keys)));
    return sql.append(" LIMIT 1 OFFSET ").append(offset).toString();
  }

  /**
   * {@code SELECT COUNT(*)} of the rows a task visits in one key range: after {@code after} up to
   * and including {@code upTo}; the binder ignores the key it is handed and binds the range's.
   */
  public static KeysetQuery countRange(Dialect d, BatchQuery q, Object[] after, Object[] upTo) {
    List<String> key = qualifiedKey(d, q);
    List<String> conditions = filters(d, q);
    if (after != null) {
      conditions.add(expandedKeyAfter(key));
    }
    if (upTo != null) {
      conditions.add("NOT (" + expandedKeyAfter(key) + ")");
    }
    String sql =
        "SELECT COUNT(*)"
            + from(d, q)
            + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
    return new KeysetQuery(
        sql,
        (ps, ignored, keyColumns) -> {
          int next = after == null ? 1 : bindExpanded(d, ps, 1, after, keyColumns);
          if (upTo != null) {
            bindExpanded(d, ps, next, upTo, keyColumns);
          }
        });
  }

  /** {@code SELECT COUNT(*)} of the rows whose key has no NULL, with no {@code where}. */
  public static String countKeys(Dialect d, BatchQuery q) {
    return count(d, keysOnly(q));
  }

  private static BatchQuery keysOnly(BatchQuery q) {
    return new BatchQuery(
        q.table(), q.key(), List.of(), List.of(), List.of(), null, q.nullableKey());
  }

  /**
   * {@code SELECT key, columns, joined columns FROM ... WHERE filters [AND keyCondition] ORDER BY
   * key LIMIT limit}.
   *
   * @param keyCondition the condition on the key that starts a later batch, or null for the first
   */
  public static String select(Dialect d, BatchQuery q, String keyCondition, int limit) {
    String base = d.qualified(q.table());
    List<String> select = new ArrayList<>(qualifiedKey(d, q));
    for (String c : q.columns()) {
      select.add(base + "." + d.quote(c));
    }
    for (BatchQuery.JoinedColumn j : q.joinedColumns()) {
      select.add(d.qualified(j.table()) + "." + d.quote(j.column()));
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select));
    sql.append(from(d, q));
    List<String> conditions = filters(d, q);
    if (keyCondition != null) {
      conditions.add(keyCondition);
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(" ORDER BY ").append(String.join(", ", qualifiedKey(d, q)));
    sql.append(" LIMIT ").append(limit);
    return sql.toString();
  }

  /** {@code SELECT COUNT(*)} of the rows a task will visit. */
  public static String count(Dialect d, BatchQuery q) {
    List<String> conditions = filters(d, q);
    return "SELECT COUNT(*)"
        + from(d, q)
        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
  }

  /** The key columns, qualified by the table. */
  public static List<String> qualifiedKey(Dialect d, BatchQuery q) {
    String base = d.qualified(q.table());
    return q.key().stream().map(k -> base + "." + d.quote(k)).toList();
  }

  /** {@code (k1 > ?) OR (k1 = ? AND k2 > ?) ...}; a single key is just {@code k1 > ?}. */
  static String expandedKeyAfter(List<String> key) {
    return expandedKeyAfter(key, Collections.nCopies(key.size(), "?"));
  }

  /** As {@link #expandedKeyAfter(List)}, comparing with {@code values} (parameters or literals). */
  private static String expandedKeyAfter(List<String> key, List<String> values) {
    if (key.size() == 1) {
      return key.get(0) + " > " + values.get(0);
    }
    List<String> ors = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      List<String> ands = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        ands.add(key.get(j) + " = " + values.get(j));
      }
      ands.add(key.get(i) + " > " + values.get(i));
      ors.add("(" + String.join(" AND ", ands) + ")");
    }
    return "(" + String.join(" OR ", ors) + ")";
  }

  /** Binds the parameters of {@link #expandedKeyAfter} from {@code start}; returns the next one. */
  static int bindExpanded(
      Dialect d, PreparedStatement ps, int start, Object[] lastKey, List<ColumnInfo> keyColumns)
      throws SQLException {
    int idx = start;
    for (int i = 0; i < lastKey.length; i++) {
      for (int j = 0; j < i; j++) {
        d.bind(ps, idx++, lastKey[j], keyColumns.get(j));
      }
      d.bind(ps, idx++, lastKey[i], keyColumns.get(i));
    }
    return idx;
  }

  /**
   * The user's {@code where}, and {@code IS NOT NULL} for nullable key columns: a row whose key is
   * NULL can be neither paged past nor written back by key, so it is never read.
   */
  private static List<String> filters(Dialect d, BatchQuery q) {
    List<String> conditions = new ArrayList<>();
    if (q.where() != null && !q.where().isBlank()) {
      conditions.add("(" + q.where() + ")");
    }
    for (String k : q.nullableKey()) {
      conditions.add(d.qualified(q.table()) + "." + d.quote(k) + " IS NOT NULL");
    }
    return conditions;
  }

  /** {@code FROM table LEFT JOIN ...}. */
  private static String from(Dialect d, BatchQuery q) {
    StringBuilder sql = new StringBuilder(" FROM ").append(d.qualified(q.table()));
    for (BatchQuery.Join j : q.joins()) {
      String target = d.qualified(j.target());
      String source = d.qualified(j.source());
      List<String> on = new ArrayList<>();
      for (int i = 0; i < j.targetKey().size(); i++) {
        on.add(
            target
                + "."
                + d.quote(j.targetKey().get(i))
                + " = "
                + source
                + "."
                + d.quote(j.sourceKey().get(i)));
      }
      sql.append(" LEFT JOIN ").append(target).append(" ON ").append(String.join(" AND ", on));
    }
    return sql.toString();
  }
}
