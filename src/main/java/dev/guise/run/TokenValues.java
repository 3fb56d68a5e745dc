package dev.guise.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Redact;
import dev.guise.db.TokenKeyTable;
import dev.guise.mask.TokenizeMask;
import dev.guise.runlog.RunStore;
import dev.guise.secret.TokenKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code guise reidentify --values}: tokens given as text turned back into originals with one key,
 * without touching a database. The key is first checked against what made the tokens: the check
 * value a tokenized database recorded, or the fingerprint in a tokenizing run's record.
 */
public final class TokenValues {
  /** What the tokens are. */
  public enum Type {
    TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    TIMESTAMP
  }

  private static final DateTimeFormatter TIMESTAMP_OUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]", Locale.ROOT);

  private TokenValues() {}

  /**
   * The originals of {@code tokens}, in order; an empty line stays empty.
   *
   * @param source names the input in messages (a file, or "stdin")
   * @param firstLine the line number of the first token, for messages
   */
  public static List<String> reidentify(
      List<String> tokens,
      TokenizeMask mask,
      TokenKey key,
      Type type,
      String source,
      int firstLine) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.isEmpty()) {
        out.add("");
        continue;
      }
      Object token = parse(t, type, source + ":" + (firstLine + i));
      Object original;
      try {
        original = mask.reidentify(token, key);
      } catch (GuiseException e) {
        throw new GuiseException(
            ErrorCode.INVALID_CONFIGURATION,
            source + ":" + (firstLine + i) + " - " + e.getMessage() + "; nothing was output");
      }
      out.add(render(original));
    }
    return out;
  }

  private static Object parse(String t, Type type, String where) {
    try {
      return switch (type) {
        case TEXT -> t;
        case INTEGER -> {
          BigInteger b = new BigInteger(t.strip());
          yield b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        case DECIMAL -> new BigDecimal(t.strip());
        case DATE -> LocalDate.parse(t.strip());
        case TIMESTAMP -> LocalDateTime.parse(t.strip().replace(' ', 'T'));
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          where
              + " - not a "
              + type.name().toLowerCase(Locale.ROOT)
              + " token; give --type to say what the tokens are (text, integer, decimal, date,"
              + " timestamp)");
    }
  }

  private static String render(Object v) {
    if (v instanceof LocalDateTime t) {
      return TIMESTAMP_OUT.format(t);
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(v);
  }

  /**
   * Refuses (exit 3) a key whose check value differs from the one the connection's database
   * recorded for its name; says so when the database recorded none.
   *
   * @return a warning to show, or null when the key matched
   */
  public static String checkAgainstDatabase(ConnectionConfig conn, TokenKey key) {
    try (ConnectionPool pool = ConnectionPool.open(conn, 1, true);
        Connection c = pool.connection()) {
      String known =
          new TokenKeyTable(pool.dialect(), conn.guiseSchema()).checkValues(c).get(key.name());
      if (known == null) {
        return conn.name()
            + " - no run tokenized this database with key '"
            + key.name()
            + "', so the key was not checked";
      }
      if (!known.equalsIgnoreCase(key.checkValue())) {
        throw wrongKey(key, conn.name() + " recorded fingerprint " + known.substring(0, 16));
      }
      return null;
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          conn.name() + " - cannot read token key check values: " + Redact.sqlError(e),
          e);
    }
  }

  /**
   * Refuses a key whose fingerprint differs from the one a tokenizing run recorded for its name.
   *
   * @return a warning when the run used no key of that name, else null
   */
  public static String checkAgainstRun(Path runsDir, String runId, TokenKey key) {
    JsonNode rec = new RunStore(runsDir).show(runId);
    for (JsonNode k : rec.path("options").path("token_keys")) {
      if (k.path("name").asText().equals(key.name())) {
        if (!k.path("fingerprint").asText().equalsIgnoreCase(key.fingerprint())) {
          throw wrongKey(
              key, "run " + runId + " recorded fingerprint " + k.path("fingerprint").asText());
        }
        return null;
      }
    }
    return "run "
        + runId
        + " - used no token key named '"
        + key.name()
        + "', so it was not checked";
  }

  private static GuiseException wrongKey(TokenKey key, String recorded) {
    return new GuiseException(
        ErrorCode.INVALID_CONFIGURATION,
        "token key '"
            + key.name()
            + "' - is not the key that made these tokens (yours has fingerprint "
            + key.fingerprint()
            + ", "
            + recorded
            + "); use the key file of the host that tokenized, nothing was output");
  }
}
