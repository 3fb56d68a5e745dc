package dev.guise.exec;

import dev.guise.db.BatchQuery;
import dev.guise.db.Dialect;
import dev.guise.schema.ColumnInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a table into key ranges of about equal rows, for workers that mask one table at once and for
 * the shards of a sharded run. The cuts are rows at fixed positions of the key order (the
 * database's own order, so collations agree), counted over the keys alone: masking the other
 * columns never moves them, so every shard, and a resumed run, cuts the same table the same way.
 */
final class KeyRanges {
  private KeyRanges() {}

  /**
   * One range: the rows after {@code after} up to and including {@code upTo}.
   *
   * @param index from 0, among {@code parts}
   * @param after the last key of the range before, or null for the table's beginning
   * @param upTo the range's last key, or null for the table's end
   */
  record KeyRange(int index, int parts, Object[] after, Object[] upTo) {}

  /** The rows whose key has no NULL: what the cuts are positions in. */
  static long countKeys(Connection c, Dialect d, BatchQuery q) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(d.countKeys(q));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } finally {
      c.rollback();
    }
  }

  /**
   * The ranges to mask: the whole table cut into {@code parts}, or, for a shard, the shard's share
   * of the table (cut into N by position) cut again into {@code parts}. Empty ranges are left out,
   * except that a table with no rows keeps one open range for shard 1.
   *
   * @param keys the rows whose key has no NULL ({@link #countKeys})
   * @param shard null for a whole run
   */
  static List<KeyRange> split(
      Connection c,
      Dialect d,
      BatchQuery q,
      List<ColumnInfo> key,
      long keys,
      int parts,
      Shard shard)
      throws SQLException {
    long from = shard == null ? 0 : position(keys, shard.index() - 1, shard.of());
    long to = shard == null ? keys : position(keys, shard.index(), shard.of());
    List<long[]> spans = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      long a = from + position(to - from, i, parts);
      long b = from + position(to - from, i + 1, parts);
      if (b > a) {
        spans.add(new long[] {a, b});
      }
    }
    List<KeyRange> out = new ArrayList<>();
    if (spans.isEmpty()) {
      if (keys == 0 && (shard == null || shard.first())) {
        out.add(new KeyRange(0, 1, null, null));
      }
      return out;
    }
    try {
      for (int i = 0; i < spans.size(); i++) {
        long a = spans.get(i)[0];
        long b = spans.get(i)[1];
        // a range open at the table's ends also takes rows added there since the count
        Object[] after = a == 0 ? null : keyAt(c, d, q, key, a - 1);
        Object[] upTo = b >= keys ? null : keyAt(c, d, q, key, b - 1);
        out.add(new KeyRange(i, spans.size(), after, upTo));
      }
    } finally {
      c.rollback();
    }
    return out;
  }

  /** The row count before cut {@code i} of {@code n} of {@code total} rows. */
  static long position(long total, int i, int n) {
    return Math.floorDiv(Math.multiplyExact(total, (long) i), n);
  }

  private static Object[] keyAt(
      Connection c, Dialect d, BatchQuery q, List<ColumnInfo> key, long offset)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(d.keyAt(q, offset));
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException(
            q.table()
                + " has fewer rows than it had a moment ago (no row at position "
                + offset
                + "); run again when nothing else deletes from it");
      }
      Object[] k = new Object[key.size()];
      for (int i = 0; i < k.length; i++) {
        k[i] = d.read(rs, i + 1, key.get(i));
      }
      return k;
    }
  }
}
