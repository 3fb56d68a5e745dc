package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A keyset query and its binder read a whole table batch by batch, on H2 in memory. */
class KeysetQueryTest {
  @Test
  void compositeKeyPagesThroughEveryRowOnceInKeyOrder() throws Exception {
    Dialect d = Dialects.forDbType("h2").orElseThrow();
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:keyset")) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE t (a INT, b VARCHAR(5), v INT, PRIMARY KEY (a, b))");
        st.execute(
            "INSERT INTO t VALUES (2, 'x', 5), (1, 'z', 3), (1, 'x', 1), (2, 'a', 4), (1, 'y', 2)");
      }
      TableInfo info = d.describe(c, "t", null).orElseThrow();
      List<ColumnInfo> key =
          List.of(info.column("A").orElseThrow(), info.column("B").orElseThrow());
      BatchQuery q = BatchQuery.of(info.ref(), List.of("A", "B"), List.of("V"), "v <> 3");
      KeysetQuery first = d.keysetQuery(q, false, 2);
      KeysetQuery next = d.keysetQuery(q, true, 2);
      assertThat(first.binder()).isSameAs(KeysetQuery.Binder.NONE);

      List<Integer> seen = new ArrayList<>();
      Object[] lastKey = null;
      int batches = 0;
      while (true) {
        KeysetQuery read = lastKey == null ? first : next;
        int before = seen.size();
        try (PreparedStatement ps = c.prepareStatement(read.sql())) {
          read.binder().bind(ps, lastKey, key);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              lastKey = new Object[] {d.read(rs, 1, key.get(0)), d.read(rs, 2, key.get(1))};
              seen.add(rs.getInt(3));
            }
          }
        }
        batches++;
        if (seen.size() - before < 2) {
          break;
        }
      }
      assertThat(seen).containsExactly(1, 2, 4, 5);
      assertThat(batches).isEqualTo(3);
      // the deprecated pair gives the same SQL and binding until exec moves to keysetQuery
      assertThat(d.keysetQuery(q, true, 2).sql()).isEqualTo(next.sql());
    }
  }

  @Test
  void keysWrittenAsLiteralsPageLikeTheBoundQueryWithinARange() throws Exception {
    Dialect d = Dialects.forDbType("h2").orElseThrow();
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:keyset-literals")) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE t (a INT, b VARCHAR(5), v INT, PRIMARY KEY (a, b))");
        st.execute(
            "INSERT INTO t VALUES (2, 'x', 5), (1, 'z', 3), (1, 'x', 1), (2, 'a', 4), (1, 'y', 2),"
                + " (3, 'q', 6)");
      }
      TableInfo info = d.describe(c, "t", null).orElseThrow();
      BatchQuery q = BatchQuery.of(info.ref(), List.of("A", "B"), List.of("V"), "v <> 3");
      java.util.function.Function<Object, String> literal =
          v -> v instanceof String s ? "'" + s.replace("'", "''") + "'" : v.toString();
      Object[] upTo = {2, "x"};
      List<Integer> seen = new ArrayList<>();
      Object[] lastKey = null;
      while (true) {
        String sql = KeysetSql.rangeWithLiterals(d, q, lastKey, upTo, 2, literal);
        assertThat(sql).doesNotContain("?");
        int before = seen.size();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery(sql)) {
          while (rs.next()) {
            lastKey = new Object[] {rs.getInt(1), rs.getString(2)};
            seen.add(rs.getInt(3));
          }
        }
        if (seen.size() - before < 2) {
          break;
        }
      }
      assertThat(seen)
          .as("(3, q) is past the range's end, (1, z) outside the where")
          .containsExactly(1, 2, 4, 5);
      assertThat(KeysetSql.rangeWithLiterals(d, q, null, null, 5, literal))
          .isEqualTo(d.keysetQuery(q, false, 5).sql());
    }
  }
}
