package dev.guise.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what must never be printed or recorded: credentials in JDBC URLs, and the row values that
 * database error messages quote.
 */
public final class Redact {
  private static final Pattern PARAM =
      Pattern.compile(
          "(?i)((?:password|passwd|pwd|secret|token|sslpassword|sslkey)\\s*=)[^;&?,\\s]*");
  private static final Pattern USERINFO = Pattern.compile("(//[^/@:;?]*):[^@/]*@");

  /**
   * Quoted values in the error messages of the engines Guise speaks to, measured on each: the
   * quoted text is replaced, the words around it (what failed, which column or constraint) stay.
   * Identifiers are quoted too (MariaDB {@code for key 'email'}, PostgreSQL {@code relation "t"}),
   * so only the quotes in a value's position are replaced.
   */
  private static final Pattern[] VALUES = {
    // H2: Unique index or primary key violation: "PUBLIC.IDX ON PUBLIC.T(C) VALUES ( /* 1 */ 'x' )"
    // and "PUBLIC.PK ON PUBLIC.T(ID) ( /* key:1 */ 1, 'x')": the row, up to the end of the quoted
    // detail or of the message (first, so the index name before it stays)
    Pattern.compile(
        "(?s)( VALUES \\(| \\( /\\*).*?(?=\"; SQL statement|\"$| \\[\\d{5}-\\d+\\]$|$)"),
    // MariaDB/MySQL: Duplicate entry 'x' for key 'email'
    Pattern.compile("(?i)(duplicate entry )'(?:[^'\\\\]|\\\\.|'')*'"),
    // a value after a colon: PostgreSQL `invalid input syntax for type integer: "x"`, MariaDB
    // `Incorrect integer value: 'x' for column`, H2 `Value too long for column "C": "'x' (6)"`
    Pattern.compile("(:\\s*)\"(?![^\"]*\\*\\*\\*)(?:[^\"]|\"\")*\""),
    Pattern.compile("(:\\s*)'(?:[^'\\\\]|\\\\.|'')*'"),
    // PostgreSQL Detail lines, when a message keeps them: Key (email)=(x), Failing row contains
    Pattern.compile("(Key \\([^)]*\\)=)\\((?:[^()]|\\([^)]*\\))*\\)"),
    Pattern.compile("(?i)(failing row contains )\\(.*\\)"),
    // H2: Data conversion error converting "x"
    Pattern.compile("(?i)(converting )\"(?:[^\"]|\"\")*\""),
    Pattern.compile("(?i)(converting )'(?:[^']|'')*'"),
  };

  private Redact() {}

  /**
   * A database error fit to print and record: PostgreSQL's {@code Detail:}, {@code Where:} and
   * {@code Hint:} lines are dropped (they quote rows: "Failing row contains (...)"), and every
   * value the first line quotes is replaced by {@code ***}. What failed and which constraint stays.
   */
  public static String sqlError(java.sql.SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    int cut = m.length();
    for (String marker :
        new String[] {
          "\n  Detail:", "\n  Where:", "\n  Hint:", "\n  Position:", "\n  Call getNextException"
        }) {
      int i = m.indexOf(marker);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return values(url(m.substring(0, cut).strip()));
  }

  /** Replaces the values a database message quotes. */
  public static String values(String message) {
    String s = message;
    for (Pattern p : VALUES) {
      Matcher m = p.matcher(s);
      s = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)) + "***");
    }
    return s;
  }

  public static String url(String url) {
    if (url == null) {
      return null;
    }
    String s = PARAM.matcher(url).replaceAll("$1***");
    return USERINFO.matcher(s).replaceAll("$1:***@");
  }
}
