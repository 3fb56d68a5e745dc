package dev.guise.db;

import java.util.regex.Pattern;

/** Removes credentials from JDBC URLs before they are printed or recorded. */
public final class Redact {
  private static final Pattern PARAM =
      Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|sslpassword|sslkey)\\s*=)[^;&?,]*");
  private static final Pattern USERINFO = Pattern.compile("(//[^/@:;?]*):[^@/]*@");

  private Redact() {}

  public static String url(String url) {
    if (url == null) {
      return null;
    }
    String s = PARAM.matcher(url).replaceAll("$1***");
    return USERINFO.matcher(s).replaceAll("$1:***@");
  }
}
