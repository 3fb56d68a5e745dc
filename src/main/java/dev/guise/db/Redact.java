package dev.guise.db;

import java.util.regex.Pattern;

/** Removes credentials from JDBC URLs before they are printed or recorded. */
public final class Redact {
  private static final Pattern PARAM =
      Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|sslpassword|sslkey)\\s*=)[^;&?,]*");
  private static final Pattern USERINFO = Pattern.compile("(//[^/@:;?]*):[^@/]*@");

  private Redact() {}

  /**
   * A database error without the parts that can quote row data: PostgreSQL's {@code Detail:}
   * ("Failing row contains (...)", "Key (email)=(...) already exists") and {@code Where:} lines.
   * The first line (what failed and which constraint) stays.
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
    return url(m.substring(0, cut).strip());
  }

  public static String url(String url) {
    if (url == null) {
      return null;
    }
    String s = PARAM.matcher(url).replaceAll("$1***");
    return USERINFO.matcher(s).replaceAll("$1:***@");
  }
}
