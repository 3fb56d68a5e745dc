package dev.guise.db.postgres;

import dev.guise.db.Dialect;
import dev.guise.db.RawField;
import dev.guise.db.StagingTableSql;
import dev.guise.db.TextBytes;
import dev.guise.db.WriteBack;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableRef;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Set-based write-back: each batch is copied ({@code COPY ... FROM STDIN}, CSV) into a temporary
 * table that lives only until the batch's transaction ends ({@code ON COMMIT DROP}), then applied
 * with one {@code UPDATE ... FROM} joined on the key. A rolled-back batch leaves nothing behind,
 * and nothing is committed here: the caller commits each batch.
 */
final class PostgresCopyWriteBack implements WriteBack {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final int CHUNK_BYTES = 1 << 16;

  private final Connection connection;
  private final CopyManager copyManager;
  private final List<ColumnInfo> all;
  private final String create;
  private final String copy;
  private final String update;

  PostgresCopyWriteBack(
      Dialect d, Connection c, TableRef table, List<ColumnInfo> key, List<ColumnInfo> columns)
      throws SQLException {
    this.connection = c;
    this.copyManager = c.unwrap(PGConnection.class).getCopyAPI();
    this.all = new ArrayList<>(key);
    all.addAll(columns);
    String staging = d.quote("guise_staging_" + SEQUENCE.incrementAndGet());
    String names = StagingTableSql.columnList(d, all);
    // DROP first: a caller may write twice in one transaction, and the table outlives neither.
    this.create =
        "DROP TABLE IF EXISTS "
            + staging
            + "; CREATE TEMP TABLE "
            + staging
            + " ON COMMIT DROP AS SELECT "
            + names
            + " FROM "
            + d.qualified(table)
            + " WITH NO DATA";
    this.copy = "COPY " + staging + " (" + names + ") FROM STDIN WITH (FORMAT csv)";
    this.update = updateSql(d, table, staging, key, columns);
  }

  /**
   * Whole rows copied straight into {@code table} ({@code COPY table (columns) FROM STDIN}): a
   * source → target run's target, no staging table and no UPDATE.
   */
  private PostgresCopyWriteBack(Dialect d, Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    this.connection = c;
    this.copyManager = c.unwrap(PGConnection.class).getCopyAPI();
    this.all = new ArrayList<>(columns);
    this.create = null;
    this.copy =
        "COPY "
            + d.qualified(table)
            + " ("
            + StagingTableSql.columnList(d, all)
            + ") FROM STDIN WITH (FORMAT csv)";
    this.update = null;
  }

  /** The bulk insert of whole rows into {@code table}. */
  static WriteBack insert(Dialect d, Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    return new PostgresCopyWriteBack(d, c, table, columns);
  }

  static String updateSql(
      Dialect d, TableRef table, String staging, List<ColumnInfo> key, List<ColumnInfo> columns) {
    return "UPDATE "
        + d.qualified(table)
        + " AS t SET "
        + StagingTableSql.assignments(d, columns, "")
        + " FROM "
        + staging
        + " AS s WHERE "
        + StagingTableSql.keyJoin(d, key)
        + keyRange(d, staging, key.get(0));
  }

  /**
   * Bounds the target to the batch's key range, so PostgreSQL reads the batch's slice of the key
   * index instead of hashing the whole table for every batch (which grows with the table). Only for
   * types with min/max; the bounds come from the staging table, so no ordering is assumed.
   */
  private static String keyRange(Dialect d, String staging, ColumnInfo first) {
    return switch (first.category()) {
      case INTEGER, DECIMAL, TEXT, DATE, TIMESTAMP, TIMESTAMP_TZ -> {
        String k = d.quote(first.name());
        yield " AND t."
            + k
            + " >= (SELECT min("
            + k
            + ") FROM "
            + staging
            + ") AND t."
            + k
            + " <= (SELECT max("
            + k
            + ") FROM "
            + staging
            + ")";
      }
      default -> "";
    };
  }

  @Override
  public int write(List<Object[]> rows) throws SQLException {
    return write(prepare(rows));
  }

  /** The batch as CSV in UTF-8, one line per row. */
  @Override
  public Batch prepare(List<Object[]> rows) {
    TextBytes csv = new TextBytes(rows.size() * 64);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          csv.put((byte) ',');
        }
        appendCsv(csv, row[i], all.get(i));
      }
      csv.put((byte) '\n');
    }
    return new Batch(rows, csv);
  }

  @Override
  public int write(Batch batch) throws SQLException {
    if (batch.rows().isEmpty()) {
      return 0;
    }
    if (create != null) {
      try (Statement st = connection.createStatement()) {
        st.execute(create);
      }
    }
    long copied;
    CopyIn in = copyManager.copyIn(copy);
    try {
      batch
          .data()
          .writeTo(
              (bytes, start, length) -> {
                for (int from = 0; from < length; from += CHUNK_BYTES) {
                  in.writeToCopy(bytes, start + from, Math.min(CHUNK_BYTES, length - from));
                }
              });
      copied = in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
    if (update == null) {
      return (int) copied;
    }
    try (Statement st = connection.createStatement()) {
      return st.executeUpdate(update);
    }
  }

  /**
   * One CSV field: NULL is an empty unquoted field, every text is quoted (so an empty string stays
   * an empty string), other values in a form PostgreSQL's input functions read back exactly.
   */
  static void appendCsv(TextBytes out, Object v, ColumnInfo column) {
    if (v == null) {
      return;
    }
    if (v instanceof RawField raw) {
      out.append(raw.data(), raw.from(), raw.length()); // a CSV field of PostgreSQL's own COPY
      return;
    }
    out.put((byte) '"');
    if (v instanceof Long n) {
      out.digits(n); // keys are mostly bigint
    } else {
      String text =
          switch (column.category()) {
            case BOOLEAN -> ((Boolean) v) ? "t" : "f";
            case DECIMAL -> ((java.math.BigDecimal) v).toPlainString();
            case TIMESTAMP_TZ -> ((OffsetDateTime) v).toString();
            case BINARY -> "\\x" + HexFormat.of().formatHex((byte[]) v);
            default -> v.toString();
          };
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      if (text.indexOf('"') < 0) {
        out.append(utf8); // one copy, no byte-by-byte loop
      } else {
        out.ensure(2 * utf8.length);
        for (byte b : utf8) {
          if (b == '"') {
            out.putUnchecked((byte) '"');
          }
          out.putUnchecked(b);
        }
      }
    }
    out.put((byte) '"');
  }

  @Override
  public void close() {
    // the staging table is dropped by the commit or rollback that ends each batch
  }
}
