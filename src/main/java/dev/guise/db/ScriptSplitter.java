package dev.guise.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code run_sql} script into statements at the semicolons that are code, not part of a
 * string, quoted identifier, comment or dollar-quoted body. Where those end is engine syntax, so
 * each dialect picks its splitter: a backslash escapes a quote in MySQL strings and PostgreSQL's
 * {@code E'...'} strings but nowhere else ({@code 'C:\'} is a complete literal in standard SQL).
 * Statements that are only comments are left out.
 */
public final class ScriptSplitter {
  /**
   * Standard SQL as H2 reads it: {@code '...'} strings and {@code "..."} identifiers with doubled
   * quotes, backticks as H2 accepts them, {@code --} and {@code /* *\/} comments, {@code $$...$$}.
   */
  public static final ScriptSplitter STANDARD =
      new ScriptSplitter(false, false, true, true, false, false);

  /**
   * PostgreSQL: standard strings, backslash escapes in {@code E'...'} only, {@code $tag$...$tag$}
   * bodies, nested block comments; no backticks.
   */
  public static final ScriptSplitter POSTGRES =
      new ScriptSplitter(false, true, false, true, true, false);

  /**
   * MySQL and MariaDB (default SQL mode): backslash escapes in {@code '...'} and {@code "..."}
   * strings, {@code `...`} identifiers without them, {@code #} comments, {@code --} a comment only
   * before white space ({@code 1--1} is arithmetic); no dollar quotes ({@code $} is an identifier
   * character).
   */
  public static final ScriptSplitter MYSQL =
      new ScriptSplitter(true, false, true, false, false, true);

  private final boolean backslashEscapes;
  private final boolean escapeStrings;
  private final boolean backticks;
  private final boolean dollarQuotes;
  private final boolean nestedComments;
  private final boolean mysqlComments;

  private ScriptSplitter(
      boolean backslashEscapes,
      boolean escapeStrings,
      boolean backticks,
      boolean dollarQuotes,
      boolean nestedComments,
      boolean mysqlComments) {
    this.backslashEscapes = backslashEscapes;
    this.escapeStrings = escapeStrings;
    this.backticks = backticks;
    this.dollarQuotes = dollarQuotes;
    this.nestedComments = nestedComments;
    this.mysqlComments = mysqlComments;
  }

  /** The statements of a script, each stripped of surrounding white space, without the ';'. */
  public List<String> split(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    boolean hasCode = false;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == ';') {
        add(out, statement, hasCode);
        statement.setLength(0);
        hasCode = false;
        i++;
        continue;
      }
      int end = commentEnd(sql, i);
      if (end == i) {
        end = tokenEnd(sql, i);
        hasCode |= !Character.isWhitespace(c);
      }
      statement.append(sql, i, end);
      i = end;
    }
    add(out, statement, hasCode);
    return out;
  }

  /**
   * The script with every string, quoted identifier, comment and dollar-quoted body blanked out
   * (each character a space, so positions stay), leaving only what the engine reads as code.
   */
  public String code(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      int end = commentEnd(sql, i);
      if (end == i) {
        end = tokenEnd(sql, i);
        if (end == i + 1) {
          out.append(sql.charAt(i));
          i = end;
          continue;
        }
      }
      out.append(" ".repeat(end - i));
      i = end;
    }
    return out.toString();
  }

  private static void add(List<String> out, StringBuilder statement, boolean hasCode) {
    if (hasCode) {
      out.add(statement.toString().strip());
    }
  }

  /** The end of the comment that starts at {@code i}, or {@code i} when none does. */
  private int commentEnd(String sql, int i) {
    if (sql.startsWith("--", i) && (!mysqlComments || spaceOrEnd(sql, i + 2))
        || mysqlComments && sql.charAt(i) == '#') {
      int newline = sql.indexOf('\n', i);
      return newline < 0 ? sql.length() : newline;
    }
    if (!sql.startsWith("/*", i)) {
      return i;
    }
    int depth = 1;
    int j = i + 2;
    while (j < sql.length() && depth > 0) {
      if (sql.startsWith("*/", j)) {
        depth--;
        j += 2;
      } else if (nestedComments && sql.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else {
        j++;
      }
    }
    return j;
  }

  private static boolean spaceOrEnd(String sql, int i) {
    return i >= sql.length()
        || Character.isWhitespace(sql.charAt(i))
        || Character.isISOControl(sql.charAt(i));
  }

  /** The end of the quoted text that starts at {@code i}, or {@code i + 1} for any other char. */
  private int tokenEnd(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'') {
      return quotedEnd(sql, i, backslashEscapes || escapeStrings && escapePrefixed(sql, i));
    }
    if (c == '"') {
      return quotedEnd(sql, i, backslashEscapes);
    }
    if (c == '`' && backticks) {
      return quotedEnd(sql, i, false);
    }
    if (c == '$' && dollarQuotes && (i == 0 || !identifierChar(sql.charAt(i - 1)))) {
      String tag = dollarTag(sql, i);
      if (tag != null) {
        int close = sql.indexOf(tag, i + tag.length());
        return close < 0 ? sql.length() : close + tag.length();
      }
    }
    return i + 1;
  }

  /** Past the closing quote (a doubled quote is part of the text); the end when unclosed. */
  private static int quotedEnd(String sql, int open, boolean backslash) {
    char quote = sql.charAt(open);
    int j = open + 1;
    while (j < sql.length()) {
      char ch = sql.charAt(j);
      if (ch == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j += backslash && ch == '\\' ? 2 : 1;
    }
    return sql.length();
  }

  /** PostgreSQL's {@code E'...'}: an E that is not the end of a longer word. */
  private static boolean escapePrefixed(String sql, int quote) {
    return quote > 0
        && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
        && (quote == 1 || !identifierChar(sql.charAt(quote - 2)));
  }

  /** {@code $$} or {@code $tag$}, a tag being an identifier without '$'; null when none starts. */
  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    if (j < sql.length() && Character.isDigit(sql.charAt(j))) {
      return null; // $1 is a parameter
    }
    while (j < sql.length() && identifierChar(sql.charAt(j)) && sql.charAt(j) != '$') {
      j++;
    }
    return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
  }

  private static boolean identifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
