package dev.guise.db.mysql;

import dev.guise.db.Dialect;
import dev.guise.db.StagingTableSql;
import dev.guise.db.WriteBack;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Set-based write-back: each batch goes into a session temporary table, streamed from memory with
 * {@code LOAD DATA LOCAL INFILE} ({@link LoadDataLocal}) where the server and driver allow it and
 * every column has a text form it reads back exactly, else through multi-row INSERTs (chunked to
 * stay well inside {@code max_allowed_packet}); then one {@code UPDATE ... JOIN} on the key applies
 * it. Temporary-table DDL neither commits nor rolls back in MySQL, so the table is recreated empty
 * for every batch and dropped on close; its rows are part of the batch's transaction, which the
 * caller commits.
 */
final class MySqlTempTableWriteBack implements WriteBack {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** Server-side prepared statements take at most 65,535 parameters. */
  private static final int MAX_PARAMETERS = 65_535;

  private static final int MAX_ROWS_PER_INSERT = 2_000;

  private final Dialect dialect;
  private final Connection connection;
  private final List<ColumnInfo> all;
  private final String drop;
  private final String create;
  private final String insertHead;
  private final String rowPlaceholders;
  private final String update;
  private final String bounds;
  private final ColumnInfo rangeColumn;
  private final long packetBudget;
  private final int rowsPerInsert;
  private final String subject;
  private final LoadDataLocal loadData;

  /** Creates the temporary table once, so a missing privilege shows here and not mid-run. */
  MySqlTempTableWriteBack(
      Dialect d, Connection c, TableRef table, List<ColumnInfo> key, List<ColumnInfo> columns)
      throws SQLException {
    this.dialect = d;
    this.connection = c;
    this.all = new ArrayList<>(key);
    all.addAll(columns);
    String staging =
        (table.schema() == null ? "" : d.quote(table.schema()) + ".")
            + d.quote("guise_staging_" + SEQUENCE.incrementAndGet());
    String names = StagingTableSql.columnList(d, all);
    this.drop = "DROP TEMPORARY TABLE IF EXISTS " + staging;
    String select = " AS SELECT " + names + " FROM " + d.qualified(table) + " LIMIT 0";
    String keyed =
        "CREATE TEMPORARY TABLE "
            + staging
            + " (PRIMARY KEY ("
            + StagingTableSql.columnList(d, key)
            + "))"
            + select;
    String plain = "CREATE TEMPORARY TABLE " + staging + select;
    this.insertHead = "INSERT INTO " + staging + " (" + names + ") VALUES ";
    this.rowPlaceholders = "(" + String.join(", ", all.stream().map(col -> "?").toList()) + ")";
    this.rowsPerInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / all.size()));
    this.subject = table.toString();
    boolean keyedStaging;
    try (Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT @@max_allowed_packet")) {
        long max = rs.next() ? rs.getLong(1) : 1 << 20;
        this.packetBudget = Math.max(64 * 1024, Math.min(max / 2, 8L << 20));
      }
      st.execute(drop);
      keyedStaging = keyedStaging(st, key, keyed);
      if (!keyedStaging) {
        st.execute(plain);
      }
    }
    this.create = keyedStaging ? keyed : plain;
    boolean ranged = keyedStaging && RANGED.contains(key.get(0).category());
    this.rangeColumn = ranged ? key.get(0) : null;
    this.update =
        ranged
            ? rangedUpdateSql(d, table, staging, key, columns)
            : updateSql(d, table, staging, key, columns);
    String k = d.quote(key.get(0).name());
    this.bounds = "SELECT min(" + k + "), max(" + k + ") FROM " + staging;
    LoadDataLocal load = new LoadDataLocal(d, staging, subject, all);
    this.loadData = LoadDataLocal.encodes(all) && allowed(load, c) ? load : null;
  }

  /** Key types with an order the server can bound a range by (as PostgreSQL's write-back). */
  private static final Set<ColumnCategory> RANGED =
      EnumSet.of(
          ColumnCategory.INTEGER,
          ColumnCategory.DECIMAL,
          ColumnCategory.TEXT,
          ColumnCategory.DATE,
          ColumnCategory.TIMESTAMP);

  /**
   * Creates the staging table with the target's key as its primary key when every key column is NOT
   * NULL (a NULL key never matches the join, and a primary key would turn it into a default value
   * that could) and the types allow it (not a TEXT/BLOB without prefix length); else without.
   */
  private static boolean keyedStaging(Statement st, List<ColumnInfo> key, String keyed) {
    if (key.stream().anyMatch(ColumnInfo::nullable)) {
      return false;
    }
    try {
      st.execute(keyed);
      return true;
    } catch (SQLException unsuitableKey) {
      return false;
    }
  }

  /** Whether LOAD DATA LOCAL works here; whatever stops it, the staging table takes INSERTs. */
  private static boolean allowed(LoadDataLocal load, Connection c) {
    try {
      return load.refusal(c) == null;
    } catch (SQLException failed) {
      return false;
    }
  }

  static String updateSql(
      Dialect d, TableRef table, String staging, List<ColumnInfo> key, List<ColumnInfo> columns) {
    return "UPDATE "
        + d.qualified(table)
        + " AS t JOIN "
        + staging
        + " AS s ON "
        + StagingTableSql.keyJoin(d, key)
        + " SET "
        + StagingTableSql.assignments(d, columns, "t.");
  }

  /**
   * The target first ({@code STRAIGHT_JOIN}), bounded to the batch's key range, with the staging
   * table looked up by its primary key: MySQL and MariaDB change the first table of a multi-table
   * UPDATE's join order as they go, but collect the changes of any later table in an internal
   * temporary table and apply them in a second pass (about twice as slow for a batch of 10,000).
   * The bounds are bound parameters read from the staging table, in the server's own order.
   */
  static String rangedUpdateSql(
      Dialect d, TableRef table, String staging, List<ColumnInfo> key, List<ColumnInfo> columns) {
    String k = d.quote(key.get(0).name());
    return "UPDATE "
        + d.qualified(table)
        + " AS t STRAIGHT_JOIN "
        + staging
        + " AS s ON "
        + StagingTableSql.keyJoin(d, key)
        + " SET "
        + StagingTableSql.assignments(d, columns, "t.")
        + " WHERE t."
        + k
        + " >= ? AND t."
        + k
        + " <= ?";
  }

  @Override
  public int write(List<Object[]> rows) throws SQLException {
    return write(prepare(rows));
  }

  /** With LOAD DATA, the batch in its text format; else the rows for multi-row INSERTs. */
  @Override
  public Batch prepare(List<Object[]> rows) {
    if (loadData == null) {
      return new Batch(rows, null);
    }
    LoadDataLocal.Text text = loadData.encode(rows);
    return new Batch(rows, text.bytes());
  }

  @Override
  public int write(Batch batch) throws SQLException {
    if (batch.rows().isEmpty()) {
      return 0;
    }
    try (Statement st = connection.createStatement()) {
      st.execute(drop);
      st.execute(create);
    }
    if (batch.data() != null) {
      loadData.load(connection, batch.data(), batch.rows().size());
    } else {
      insertAll(batch.rows());
    }
    return rangeColumn == null ? updateAll() : updateRange();
  }

  private int updateAll() throws SQLException {
    try (Statement st = connection.createStatement()) {
      return st.executeUpdate(update);
    }
  }

  private int updateRange() throws SQLException {
    Object low;
    Object high;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(bounds)) {
      rs.next();
      low = dialect.read(rs, 1, rangeColumn);
      high = dialect.read(rs, 2, rangeColumn);
    }
    try (PreparedStatement ps = connection.prepareStatement(update)) {
      dialect.bind(ps, 1, low, rangeColumn);
      dialect.bind(ps, 2, high, rangeColumn);
      return ps.executeUpdate();
    }
  }

  private void insertAll(List<Object[]> rows) throws SQLException {
    int from = 0;
    while (from < rows.size()) {
      int to = from;
      long bytes = insertHead.length();
      while (to < rows.size() && to - from < rowsPerInsert) {
        long size = estimate(rows.get(to));
        if (to > from && bytes + size > packetBudget) {
          break;
        }
        bytes += size;
        to++;
      }
      insert(rows.subList(from, to));
      from = to;
    }
  }

  private void insert(List<Object[]> chunk) throws SQLException {
    StringBuilder sql =
        new StringBuilder(insertHead.length() + chunk.size() * (rowPlaceholders.length() + 1));
    sql.append(insertHead);
    for (int i = 0; i < chunk.size(); i++) {
      sql.append(i == 0 ? "" : ",").append(rowPlaceholders);
    }
    try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
      int idx = 1;
      for (Object[] row : chunk) {
        for (int i = 0; i < row.length; i++) {
          dialect.bind(ps, idx++, row[i], all.get(i));
        }
      }
      LoadDataLocal.check(subject, ps.executeUpdate(), chunk.size(), ps.getWarnings());
    }
  }

  /** Upper bound of a row's size on the wire: UTF-8 takes at most 3 bytes per UTF-16 unit. */
  private static long estimate(Object[] row) {
    long n = 4;
    for (Object v : row) {
      if (v instanceof String s) {
        n += 3L * s.length() + 8;
      } else if (v instanceof byte[] b) {
        n += 2L * b.length + 8;
      } else {
        n += 40;
      }
    }
    return n;
  }

  @Override
  public void close() throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(drop);
    }
  }
}
