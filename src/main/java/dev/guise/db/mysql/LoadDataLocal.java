package dev.guise.db.mysql;

import dev.guise.db.Dialect;
import dev.guise.db.Redact;
import dev.guise.db.TextBytes;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.value.Conversions;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code LOAD DATA LOCAL INFILE} of a batch streamed from memory into one table (the driver's
 * {@code setLocalInfileInputStream}; its {@code allowLocalInfile} is on by default), shared by the
 * in-place write-back's staging table and a source → target run's target table. The text is LOAD
 * DATA's default format in UTF-8 ({@code CHARACTER SET utf8mb4}, which the server converts to each
 * column's own): tab-separated fields, one line per row, {@code \N} for NULL, backslash escapes for
 * backslash, tab, newline, carriage return and NUL; booleans as 1/0, dates and times as the server
 * writes them, decimals in plain notation, bytes as hex through {@code UNHEX}. LOAD DATA LOCAL
 * turns every bad value into a warning (a value cut short, out of range, a character the column
 * cannot hold, a duplicate row skipped), so {@link #check} fails the batch on any warning.
 */
final class LoadDataLocal {
  /** Categories whose text form loads back exactly; a table with any other goes by INSERTs. */
  private static final Set<ColumnCategory> ENCODED =
      Set.of(
          ColumnCategory.TEXT,
          ColumnCategory.INTEGER,
          ColumnCategory.DECIMAL,
          ColumnCategory.FLOAT,
          ColumnCategory.BOOLEAN,
          ColumnCategory.DATE,
          ColumnCategory.TIMESTAMP,
          ColumnCategory.TIME,
          ColumnCategory.UUID,
          ColumnCategory.JSON,
          ColumnCategory.BINARY);

  /**
   * Server refusals of LOCAL INFILE: MySQL's ER_NOT_ALLOWED_COMMAND (1148) and
   * ER_CLIENT_LOCAL_FILES_DISABLED (3948), MariaDB's ER_LOAD_INFILE_CAPABILITY_DISABLED (4166).
   */
  private static final Set<Integer> REFUSALS = Set.of(1148, 3948, 4166);

  /** The column a warning names: {@code column 'c'} or {@code column `db`.`t`.`c`}. */
  private static final Pattern COLUMN =
      Pattern.compile("(?i)\\bcolumn (?:`(?:[^`]|``)*`\\.)*(?:`((?:[^`]|``)*)`|'([^']*)')");

  /** The line of the batch a warning is about: {@code at row 3} or {@code Row 3 was ...}. */
  private static final Pattern ROW = Pattern.compile("(?i)\\brow (\\d+)\\b");

  private final String subject;
  private final List<ColumnInfo> columns;
  private final String sql;

  /**
   * @param into the table loaded, qualified and quoted
   * @param subject the table messages name (the user's table, not a staging table)
   * @param columns the columns of each row, in order
   */
  LoadDataLocal(Dialect d, String into, String subject, List<ColumnInfo> columns) {
    this.subject = subject;
    this.columns = List.copyOf(columns);
    StringBuilder list = new StringBuilder();
    StringBuilder set = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      ColumnInfo c = columns.get(i);
      list.append(i == 0 ? "" : ", ");
      String assigned =
          switch (c.category()) {
            // bytes sent as text would be read as utf8mb4, and LOAD DATA stores a field's text
            // in a BIT column as its characters' bits: both through a variable and SET instead
            case BINARY -> "UNHEX(@v" + i + ")";
            case BOOLEAN -> "CAST(@v" + i + " AS UNSIGNED)";
            default -> null;
          };
      if (assigned == null) {
        list.append(d.quote(c.name()));
      } else {
        list.append("@v").append(i);
        set.append(set.length() == 0 ? " SET " : ", ")
            .append(d.quote(c.name()))
            .append(" = ")
            .append(assigned);
      }
    }
    this.sql =
        "LOAD DATA LOCAL INFILE 'guise-batch' INTO TABLE "
            + into
            + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
            + " LINES TERMINATED BY '\\n' ("
            + list
            + ")"
            + set;
  }

  /** The statement, for tests. */
  String sql() {
    return sql;
  }

  /** Whether every column's values have a text form LOAD DATA reads back exactly. */
  static boolean encodes(List<ColumnInfo> columns) {
    return columns.stream().allMatch(c -> ENCODED.contains(c.category()));
  }

  /** Whether a failed LOAD DATA LOCAL was refused as such (local_infile OFF, or the driver's). */
  static boolean refused(SQLException e) {
    return REFUSALS.contains(e.getErrorCode())
        || String.valueOf(e.getMessage())
            .toLowerCase(java.util.Locale.ROOT)
            .contains("local infile");
  }

  /**
   * Loads nothing, to learn whether LOAD DATA LOCAL is allowed (the server's {@code local_infile},
   * the driver's {@code allowLocalInfile}); a refusal fails only that statement.
   *
   * @return the refusal, or null when it is allowed
   * @throws SQLException when the load failed otherwise
   */
  SQLException refusal(Connection c) throws SQLException {
    try {
      load(c, new TextBytes(0), 0);
      return null;
    } catch (SQLException e) {
      if (refused(e)) {
        return e;
      }
      throw e;
    }
  }

  /** The rows in LOAD DATA's text format, as {@link #load} sends them. */
  Text encode(List<Object[]> rows) {
    Text text = new Text(rows.size() * 64);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          text.put((byte) '\t');
        }
        text.field(row[i], columns.get(i).category());
      }
      text.put((byte) '\n');
    }
    return text;
  }

  /** Loads the text of {@code rows} rows, and {@link #check}s them. */
  void load(Connection c, TextBytes data, int rows) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(data.stream());
      check(subject, st.executeUpdate(sql), rows, st.getWarnings());
    }
  }

  /**
   * Fails unless {@code stored} is {@code expected} without a warning: LOAD DATA LOCAL (and INSERT
   * outside strict mode) store a value cut short, out of range or converted as a warning, and skip
   * a duplicate row. The message names {@code table.column} and the batch's line, and what the
   * warning means, never the value (the server quotes it in some messages).
   */
  static void check(String subject, int stored, int expected, SQLWarning warnings)
      throws SQLException {
    if (stored == expected && warnings == null) {
      return;
    }
    if (warnings == null) {
      throw new SQLException(
          subject
              + " - the bulk load stored "
              + stored
              + " of the batch's "
              + expected
              + " rows; nothing of this batch is committed");
    }
    int n = 0;
    for (SQLWarning w = warnings; w != null && n < 1000; w = w.getNextWarning()) {
      n++;
    }
    String message = String.valueOf(warnings.getMessage());
    Matcher col = COLUMN.matcher(message);
    String column =
        !col.find() ? null : col.group(1) != null ? col.group(1).replace("``", "`") : col.group(2);
    Matcher row = ROW.matcher(message);
    String where = row.find() ? "row " + row.group(1) + " of the batch, " : "";
    throw new SQLException(
        subject
            + (column == null ? "" : "." + column)
            + " - "
            + meaning(warnings.getErrorCode(), message)
            + " ("
            + where
            + "server warning "
            + warnings.getErrorCode()
            + (n > 1 ? ", the first of " + n : "")
            + ")"
            + (stored == expected
                ? ""
                : "; the bulk load stored " + stored + " of " + expected + " rows")
            + "; nothing of this batch is committed",
        "22000",
        warnings.getErrorCode());
  }

  /** What a warning says happened to the value, in words that quote none. */
  private static String meaning(int code, String message) {
    return switch (code) {
      case 1406, 1265 -> "a value does not fit the column and would be cut short";
      case 1264 -> "a value is out of the column's range and would be clipped";
      case 1366 -> "a value has characters the column's character set cannot hold";
      case 1292, 1367 -> "a value is not valid for the column's type and would be converted";
      case 1048, 1263 -> "a NULL would be stored as the NOT NULL column's default";
      case 1062 -> "a row duplicates a key and would be skipped";
      case 1261, 1262 -> "a row's fields do not match the columns";
      default -> "the server changed a value: " + Redact.values(message);
    };
  }

  /** LOAD DATA's text format of a batch, as UTF-8. */
  static final class Text {
    private final TextBytes out;

    Text(int capacity) {
      out = new TextBytes(capacity);
    }

    TextBytes bytes() {
      return out;
    }

    void put(byte b) {
      out.put(b);
    }

    /** One field of a value already coerced to its column's category. */
    void field(Object v, ColumnCategory category) {
      if (v == null) {
        out.put((byte) '\\', (byte) 'N');
        return;
      }
      switch (category) {
        case BOOLEAN -> put((byte) (Boolean.TRUE.equals(v) ? '1' : '0'));
        // the shortest form that reads back as the same double (and keeps -0.0)
        case FLOAT -> text(v instanceof Double d ? Double.toString(d) : Conversions.toText(v));
        case BINARY -> out.ascii(HexFormat.of().formatHex((byte[]) v));
        case TIMESTAMP -> {
          if (v instanceof LocalDateTime t) {
            out.ascii(t.toLocalDate().toString());
            put((byte) ' ');
            time(t.toLocalTime());
          } else {
            text(Conversions.toText(v));
          }
        }
        case TIME -> {
          if (v instanceof LocalTime t) {
            time(t);
          } else {
            text(Conversions.toText(v));
          }
        }
        default -> {
          if (v instanceof Long n) {
            out.digits(n);
          } else {
            text(Conversions.toText(v));
          }
        }
      }
    }

    /** {@code HH:mm:ss} and the fraction's digits without trailing zeros (always the seconds). */
    private void time(LocalTime t) {
      two(t.getHour());
      put((byte) ':');
      two(t.getMinute());
      put((byte) ':');
      two(t.getSecond());
      int nanos = t.getNano();
      if (nanos != 0) {
        String f = String.format("%09d", nanos);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
          end--;
        }
        put((byte) '.');
        out.ascii(f.substring(0, end));
      }
    }

    private void two(int n) {
      out.put((byte) ('0' + n / 10), (byte) ('0' + n % 10));
    }

    /** Text escaped and encoded as UTF-8. */
    void text(String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      // an escape doubles a byte at most
      out.ensure(2 * utf8.length);
      for (byte b : utf8) {
        switch (b) {
          case '\\' -> out.put((byte) '\\', (byte) '\\');
          case '\t' -> out.put((byte) '\\', (byte) 't');
          case '\n' -> out.put((byte) '\\', (byte) 'n');
          case '\r' -> out.put((byte) '\\', (byte) 'r');
          case 0 -> out.put((byte) '\\', (byte) '0');
          default -> out.putUnchecked(b);
        }
      }
    }
  }
}
