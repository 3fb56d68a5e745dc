package dev.guise.db.postgres;

import dev.guise.db.RawField;
import dev.guise.db.RawRows;
import dev.guise.db.StandardDialect;
import dev.guise.schema.ColumnInfo;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Whole rows read with {@code COPY (SELECT ...) TO STDOUT (FORMAT csv)} for a PostgreSQL target's
 * {@code COPY ... FROM STDIN (FORMAT csv)}: the fields of columns that no rule reads pass through
 * as the server wrote them, so neither end parses or formats numbers, dates or timestamps.
 *
 * <p>PostgreSQL's CSV output and input agree on everything that matters here: the delimiter, the
 * quote, NULL as an empty unquoted field, an empty string as {@code ""}. Values that depend on
 * session settings are written in forms every setting reads back: both sessions are pgjdbc's
 * (UTF-8, ISO dates, the JVM's time zone), and each read sets {@code IntervalStyle} to {@code
 * postgres}, which the input reads whatever the target's style.
 */
final class PostgresCopyRows implements RawRows {
  private final List<ColumnInfo> columns;
  private final boolean[] decode;

  private PostgresCopyRows(List<ColumnInfo> columns, boolean[] decode) {
    this.columns = columns;
    this.decode = decode.clone();
  }

  /** The reader, or null when a column to decode has no text form equal to the JDBC read's. */
  static PostgresCopyRows of(List<ColumnInfo> columns, boolean[] decode) {
    for (int i = 0; i < columns.size(); i++) {
      if (decode[i] && !decodes(columns.get(i))) {
        return null;
      }
    }
    return new PostgresCopyRows(columns, decode);
  }

  /**
   * Columns whose COPY text is the value {@code StandardDialect.read} gives: texts (CHAR(n)
   * unpadded the same way), integers, UUIDs and JSON documents. Others (numeric, dates, arrays) are
   * decoded by the driver, whose forms differ from the server's text.
   */
  static boolean decodes(ColumnInfo c) {
    return switch (c.category()) {
      case TEXT, UUID, JSON -> true;
      case INTEGER ->
          c.jdbcType() == Types.BIGINT
              || c.jdbcType() == Types.INTEGER
              || c.jdbcType() == Types.SMALLINT;
      default -> false;
    };
  }

  @Override
  public List<Object[]> read(Connection c, String select, int limit) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SET LOCAL IntervalStyle = 'postgres'"); // the caller's transaction ends it
    }
    List<Object[]> rows = new ArrayList<>(Math.min(limit, 65_536));
    CopyOut out =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut("COPY (" + select + ") TO STDOUT WITH (FORMAT csv)");
    try {
      byte[] line;
      while ((line = out.readFromCopy()) != null) {
        rows.add(row(line));
      }
    } finally {
      if (out.isActive()) {
        out.cancelCopy();
      }
    }
    return rows;
  }

  /** One CopyData message: one row's fields, comma-separated, ending in a newline. */
  Object[] row(byte[] line) {
    Object[] row = new Object[columns.size()];
    int end = line.length;
    if (end > 0 && line[end - 1] == '\n') {
      end--;
      if (end > 0 && line[end - 1] == '\r') {
        end--;
      }
    }
    int pos = 0;
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        if (pos >= end || line[pos] != ',') {
          throw new IllegalStateException("COPY sent a row of another shape than its query's");
        }
        pos++;
      }
      int start = pos;
      boolean quoted = pos < end && line[pos] == '"';
      boolean doubled = false;
      if (quoted) {
        pos++;
        while (true) {
          if (pos >= end) {
            throw new IllegalStateException("COPY sent an unterminated quoted field");
          }
          if (line[pos] == '"') {
            if (pos + 1 < end && line[pos + 1] == '"') {
              doubled = true;
              pos += 2;
              continue;
            }
            pos++;
            break;
          }
          pos++;
        }
      } else {
        while (pos < end && line[pos] != ',') {
          pos++;
        }
      }
      if (!quoted && pos == start) {
        continue; // NULL
      }
      row[i] =
          decode[i]
              ? value(line, quoted ? start + 1 : start, quoted ? pos - 1 : pos, doubled, i)
              : new RawField(line, start, pos - start);
    }
    if (pos != end) {
      throw new IllegalStateException("COPY sent a row of another shape than its query's");
    }
    return row;
  }

  private Object value(byte[] line, int from, int to, boolean doubled, int column) {
    String text = new String(line, from, to - from, StandardCharsets.UTF_8);
    if (doubled) {
      text = text.replace("\"\"", "\"");
    }
    ColumnInfo c = columns.get(column);
    return switch (c.category()) {
      case INTEGER -> Long.parseLong(text);
      case UUID -> text.toLowerCase(Locale.ROOT);
      case TEXT -> StandardDialect.text(text, c);
      default -> text;
    };
  }

  @Override
  public String literal(Object value) {
    if (value instanceof Long n) {
      return n.toString();
    }
    // an escape string: its meaning does not depend on standard_conforming_strings
    String s = value.toString();
    StringBuilder b = new StringBuilder(s.length() + 3).append("E'");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'' || ch == '\\') {
        b.append(ch);
      }
      b.append(ch);
    }
    return b.append('\'').toString();
  }
}
