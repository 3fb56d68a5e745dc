package dev.guise.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Guise's progress table in the target database: one row per (run id, task id) with the task's
 * status, last committed key and counts. A table task updates its row in the same transaction as
 * each batch, so the row can never lag the data; a resumed run starts from it. Created on first use
 * ({@code <guise_schema>.progress}); every identifier quoted, every value bound.
 */
public final class ProgressTable {
  /** The schema (on MySQL/MariaDB: database) the table lives in unless a connection says. */
  public static final String DEFAULT_SCHEMA = "guise";

  /** The table's name inside its schema. */
  public static final String NAME = "progress";

  private static final List<String> COLUMNS =
      List.of(
          "run_id",
          "task_id",
          "table_name",
          "status",
          "last_key",
          "rows_read",
          "rows_masked",
          "rows_updated",
          "batches",
          "host",
          "pid",
          "started",
          "updated");

  private final Dialect dialect;
  private final String schema;

  /**
   * One task's progress row.
   *
   * @param lastKey the last committed key as JSON text, or null before the first batch
   * @param started when the task started, ISO-8601 text (portable across engines' time types)
   */
  public record Row(
      String runId,
      String taskId,
      String tableName,
      String status,
      String lastKey,
      long rowsRead,
      long rowsMasked,
      long rowsUpdated,
      long batches,
      String host,
      long pid,
      String started,
      String updated) {
    /** The values in the table's column order. */
    List<Object> values() {
      return Arrays.asList(
          runId,
          taskId,
          tableName,
          status,
          lastKey,
          rowsRead,
          rowsMasked,
          rowsUpdated,
          batches,
          host,
          pid,
          started,
          updated);
    }
  }

  public ProgressTable(Dialect dialect, String schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  /** The table, qualified and quoted, e.g. {@code "guise"."progress"}. */
  public String qualified() {
    return dialect.quote(schema) + "." + dialect.quote(NAME);
  }

  /**
   * Creates the schema and table when missing, and commits. Safe when runs start at once: a
   * creation that loses the race fails, and the table is then there.
   */
  public void ensure(Connection c) throws SQLException {
    try {
      create(c);
    } catch (SQLException first) {
      c.rollback();
      if (!exists(c)) {
        throw first;
      }
    }
  }

  private void create(Connection c) throws SQLException {
    String text = dialect.longTextType();
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema));
      st.execute(
          "CREATE TABLE IF NOT EXISTS "
              + qualified()
              + " ("
              + q("run_id")
              + " VARCHAR(64) NOT NULL, "
              + q("task_id")
              + " VARCHAR(64) NOT NULL, "
              + q("table_name")
              + " VARCHAR(512) NOT NULL, "
              + q("status")
              + " VARCHAR(32) NOT NULL, "
              + q("last_key")
              + " "
              + text
              + ", "
              + String.join(
                  ", ",
                  List.of("rows_read", "rows_masked", "rows_updated", "batches").stream()
                      .map(n -> q(n) + " BIGINT NOT NULL")
                      .toList())
              + ", "
              + q("host")
              + " VARCHAR(255), "
              + q("pid")
              + " BIGINT, "
              + q("started")
              + " VARCHAR(40), "
              + q("updated")
              + " VARCHAR(40), PRIMARY KEY ("
              + q("run_id")
              + ", "
              + q("task_id")
              + "))");
    }
    c.commit();
  }

  private boolean exists(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + qualified())) {
      return rs.next();
    } catch (SQLException e) {
      c.rollback();
      return false;
    } finally {
      c.rollback();
    }
  }

  /** Inserts a task's row; the caller commits. */
  public void insert(Connection c, Row r) throws SQLException {
    String sql =
        "INSERT INTO "
            + qualified()
            + " ("
            + String.join(", ", COLUMNS.stream().map(this::q).toList())
            + ") VALUES ("
            + String.join(", ", COLUMNS.stream().map(x -> "?").toList())
            + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, r.values());
      ps.executeUpdate();
    }
  }

  /**
   * Sets a task's status, last key and counts; the caller commits (with the batch they describe).
   *
   * @throws SQLException also when the row is missing: a batch must never commit unrecorded
   */
  public void update(Connection c, Row r) throws SQLException {
    String sql =
        "UPDATE "
            + qualified()
            + " SET "
            + String.join(
                ", ",
                Stream.concat(COLUMNS.subList(3, 9).stream(), Stream.of("updated"))
                    .map(n -> q(n) + " = ?")
                    .toList())
            + " WHERE "
            + q("run_id")
            + " = ? AND "
            + q("task_id")
            + " = ?";
    List<Object> v = r.values();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      // the SET columns (status to batches, then updated), then the key
      List<Object> values = new ArrayList<>(v.subList(3, 9));
      values.add(v.get(12));
      values.addAll(v.subList(0, 2));
      bind(ps, values);
      if (ps.executeUpdate() != 1) {
        throw new SQLException(
            qualified() + " - no progress row for run " + r.runId() + " task " + r.taskId());
      }
    }
  }

  /**
   * The statement that sets one task's status (literals inlined: it is part of a script recorded in
   * the change manifest, run in the transaction of the change it marks).
   */
  public String statusStatement(String runId, String taskId, String status) {
    return "UPDATE "
        + qualified()
        + " SET "
        + q("status")
        + " = '"
        + status.replace("'", "''")
        + "' WHERE "
        + q("run_id")
        + " = '"
        + runId.replace("'", "''")
        + "' AND "
        + q("task_id")
        + " = '"
        + taskId.replace("'", "''")
        + "'";
  }

  /** A run's rows (all its tasks), in task order; ends the read transaction. */
  public List<Row> ofRun(Connection c, String runId) throws SQLException {
    return select(c, q("run_id") + " = ?", runId);
  }

  /** Rows of tasks that finished masking a table (qualified as the run names it). */
  public List<Row> finishedOn(Connection c, String tableName) throws SQLException {
    return select(c, q("table_name") + " = ? AND " + q("status") + " = 'finished'", tableName);
  }

  /** Every task's row on a table, whatever its status; oldest first. */
  public List<Row> on(Connection c, String tableName) throws SQLException {
    return select(c, q("table_name") + " = ?", tableName);
  }

  /** Rows of tasks that are masking a table now, or were when their run died; newest last. */
  public List<Row> runningOn(Connection c, String tableName) throws SQLException {
    return select(c, q("table_name") + " = ? AND " + q("status") + " = 'running'", tableName);
  }

  /** One task's row of one run. */
  public Optional<Row> find(Connection c, String runId, String taskId) throws SQLException {
    return ofRun(c, runId).stream().filter(r -> r.taskId().equals(taskId)).findFirst();
  }

  private List<Row> select(Connection c, String where, String value) throws SQLException {
    String sql =
        "SELECT "
            + String.join(", ", COLUMNS.stream().map(this::q).toList())
            + " FROM "
            + qualified()
            + " WHERE "
            + where
            + " ORDER BY "
            + q("started")
            + ", "
            + q("task_id");
    List<Row> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9),
                  rs.getString(10),
                  rs.getLong(11),
                  rs.getString(12),
                  rs.getString(13)));
        }
      }
    } finally {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    }
    return out;
  }

  private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v instanceof Long n) {
        ps.setLong(i + 1, n);
      } else {
        ps.setString(i + 1, (String) v);
      }
    }
  }

  private String q(String column) {
    return dialect.quote(column);
  }
}
