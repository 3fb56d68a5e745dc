package dev.guise.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code run_sql} script into statements at semicolons that are outside quotes, comments
 * and PostgreSQL dollar-quoted bodies, so every engine runs it the same way.
 */
final class SqlScript {
  private SqlScript() {}

  static List<String> split(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = i + 1;
        while (end < n) {
          if (sql.charAt(end) == c) {
            if (end + 1 < n && sql.charAt(end + 1) == c) {
              end += 2;
              continue;
            }
            break;
          }
          if (sql.charAt(end) == '\\' && c != '"') {
            end++; // MySQL backslash escapes
          }
          end++;
        }
        cur.append(sql, i, Math.min(n, end + 1));
        i = end + 1;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        cur.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        cur.append(sql, i, end);
        i = end;
      } else if (c == '$') {
        int tagEnd = sql.indexOf('$', i + 1);
        String tag = tagEnd > 0 ? sql.substring(i, tagEnd + 1) : null;
        if (tag != null && tag.matches("\\$[A-Za-z_0-9]*\\$")) {
          int close = sql.indexOf(tag, tagEnd + 1);
          close = close < 0 ? n : close + tag.length();
          cur.append(sql, i, close);
          i = close;
        } else {
          cur.append(c);
          i++;
        }
      } else if (c == ';') {
        add(out, cur);
        cur.setLength(0);
        i++;
      } else {
        cur.append(c);
        i++;
      }
    }
    add(out, cur);
    return out;
  }

  private static void add(List<String> out, StringBuilder s) {
    String t = s.toString().strip();
    if (!t.isEmpty() && !isOnlyComments(t)) {
      out.add(t);
    }
  }

  private static boolean isOnlyComments(String t) {
    String stripped = t.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\\n]*", "").strip();
    return stripped.isEmpty();
  }
}
