package dev.guise.exec;

import dev.guise.db.ColumnValues;
import dev.guise.db.Dialect;
import dev.guise.db.KeyRewriteSql;
import dev.guise.db.SingleNumber;
import dev.guise.mask.BuiltMask;
import dev.guise.mask.MaskContext;
import dev.guise.mask.UniqueMask;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.RowView;
import dev.guise.secret.SeedEncoder;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The key path's old → new mapping table: every distinct value of the root column read once, in key
 * order, a batch at a time (keyset reads, batch inserts, one commit per batch), so memory stays
 * bounded whatever the table's size. A bijection maps each value; a by-ordinal mask gives the n-th
 * value its n-th output.
 */
final class KeyMapping {
  private KeyMapping() {}

  /** The distinct non-null values of the root column. */
  static long distinct(Connection c, Dialect d, KeyRewriteStep step) throws SQLException {
    ColumnInfo col = step.root().column();
    return SingleNumber.of(
        c,
        "SELECT COUNT(DISTINCT "
            + d.quote(col.name())
            + ") FROM "
            + d.qualified(step.root().table().ref()));
  }

  /**
   * Values of a family column that no foreign key ties to the root (a declared cascade) and that
   * the root does not hold: the mapping has no new value for them, so they stay as they are.
   */
  static long unmatched(Connection c, Dialect d, KeyRewriteStep step, KeyRewriteStep.KeyColumn k)
      throws SQLException {
    String col = d.quote(k.column().name());
    return SingleNumber.of(
        c,
        "SELECT COUNT(*) FROM "
            + d.qualified(k.table().ref())
            + " x WHERE x."
            + col
            + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
            + d.qualified(step.root().table().ref())
            + " r WHERE r."
            + d.quote(step.root().column().name())
            + " = x."
            + col
            + ")");
  }

  /** Creates and fills the mapping table; returns the values mapped. */
  static long build(
      KeyRewriteStep step, StepContext ctx, Connection write, Connection read, String map)
      throws SQLException {
    Dialect d = ctx.pool().dialect();
    ColumnInfo col = step.root().column();
    String c = d.quote(col.name());
    String root = d.qualified(step.root().table().ref());
    try (Statement st = write.createStatement()) {
      // the root column's own type and collation, so that the rewrite compares like with like
      st.execute(
          "CREATE TABLE "
              + map
              + " AS SELECT "
              + c
              + " AS "
              + d.quote(KeyRewriteSql.OLD)
              + ", "
              + c
              + " AS "
              + d.quote(KeyRewriteSql.NEW)
              + " FROM "
              + root
              + " WHERE 1 = 0");
      for (String s : d.keyRewriteSql().mapKey(map, d)) {
        st.execute(s);
      }
    }
    write.commit();
    BuiltMask built = step.rule().pipeline().masks().get(0);
    byte[] material = new SeedEncoder().add("key").add(step.root().toString()).toBytes();
    MaskContext mctx =
        new MaskContext(
                digest -> ctx.key().rng(digest, material), RowView.EMPTY, ctx.key(), ctx.runStart())
            .forMask(built);
    UniqueMask mask = step.mask();
    int batch = Math.max(100, ctx.options().batchSize());
    String select = "SELECT DISTINCT " + c + " FROM " + root + " WHERE " + c + " IS NOT NULL";
    String order = " ORDER BY " + c + " LIMIT " + batch;
    String insert =
        "INSERT INTO "
            + map
            + " ("
            + d.quote(KeyRewriteSql.OLD)
            + ", "
            + d.quote(KeyRewriteSql.NEW)
            + ") VALUES (?, ?)";
    long ordinal = 0;
    Object last = null;
    while (true) {
      int n = 0;
      try (PreparedStatement q =
              read.prepareStatement(select + (last == null ? "" : " AND " + c + " > ?") + order);
          PreparedStatement ins = write.prepareStatement(insert)) {
        if (last != null) {
          d.bind(q, 1, last, col);
        }
        java.util.List<Object> olds = new java.util.ArrayList<>(batch);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            olds.add(d.read(rs, 1, col));
          }
        }
        Object[] news = masked(mask, mctx, olds, ordinal);
        for (int i = 0; i < olds.size(); i++) {
          Object old = olds.get(i);
          Object masked = news[i];
          if (masked instanceof RuntimeException e) {
            throw e;
          }
          if (masked != null) {
            try {
              masked = ColumnValues.coerce(masked, col);
            } catch (ColumnValues.DoesNotFit e) {
              throw new TaskFailure(
                  step.root() + " - " + e.getMessage() + "; nothing was rewritten", null);
            }
          }
          if (masked == null) {
            throw new TaskFailure(
                step.root() + " - " + built.name() + " gave no value for a key; nothing changed",
                null);
          }
          d.bind(ins, 1, old, col);
          d.bind(ins, 2, masked, col);
          ins.addBatch();
          last = old;
          ordinal++;
          n++;
        }
        read.rollback();
        if (n > 0) {
          ins.executeBatch();
        }
      }
      write.commit();
      if (ctx.cancellation().stopping()) {
        throw new KeyRewriteRunner.Stopped();
      }
      if (n < batch) {
        break;
      }
    }
    // a unique index on the new values, built by one sort, is the clash check (a GROUP BY took
    // 15 s for 1,000,000 values on MariaDB, the index 2 s) and serves an undo's reverse lookups
    try (Statement st = write.createStatement()) {
      st.execute(uniqueNewValues(map, d));
      write.commit();
    } catch (SQLException e) {
      write.rollback();
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      }
      throw new TaskFailure(
          step.root()
              + " - "
              + built.name()
              + " gave equal outputs for different keys ("
              + clashes(read, d, map)
              + " clashes, e.g. under a case-insensitive collation); nothing was rewritten",
          null);
    }
    return ordinal;
  }

  /**
   * The batch's new values, computed on every core (FF1 is most of a key run's own time; the masks
   * are thread-safe and depend only on the value or its ordinal). A mask's failure takes the place
   * of its value, so the first one in key order is the one reported.
   */
  private static Object[] masked(
      UniqueMask mask, MaskContext mctx, java.util.List<Object> olds, long first) {
    Object[] out = new Object[olds.size()];
    boolean bijection = mask.assignment() == UniqueMask.Assignment.BIJECTION;
    java.util.stream.IntStream.range(0, out.length)
        .parallel()
        .forEach(
            i -> {
              try {
                out[i] =
                    bijection
                        ? mask.apply(olds.get(i), mctx)
                        : mask.valueAt(BigInteger.valueOf(first + i), mctx);
              } catch (RuntimeException e) {
                out[i] = e;
              }
            });
    return out;
  }

  /** {@code ALTER TABLE map ADD CONSTRAINT map_new UNIQUE (new_value)}. */
  private static String uniqueNewValues(String map, Dialect d) {
    String name = map.substring(map.lastIndexOf('.') + 1).replaceAll("[\\W]", "") + "_new";
    return "ALTER TABLE "
        + map
        + " ADD CONSTRAINT "
        + d.quote(name)
        + " UNIQUE ("
        + d.quote(KeyRewriteSql.NEW)
        + ")";
  }

  /** New values given to more than one old value. */
  private static long clashes(Connection c, Dialect d, String map) throws SQLException {
    return SingleNumber.of(
        c,
        "SELECT COUNT(*) FROM (SELECT "
            + d.quote(KeyRewriteSql.NEW)
            + " FROM "
            + map
            + " GROUP BY "
            + d.quote(KeyRewriteSql.NEW)
            + " HAVING COUNT(*) > 1) d");
  }
}
