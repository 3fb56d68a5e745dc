package dev.guise.db;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a ruleset's {@code where} before it is pasted into a read: it must be one condition. A
 * second statement, a transaction or session command, or a parenthesis that closes the read's
 * {@code WHERE (...)} could write (an injected {@code COMMIT} ends even a read-only transaction),
 * so each is refused. Lexed with the engine's own rules for strings, quoted names, comments and
 * dollar quotes, so text inside them is never mistaken for code.
 */
public final class WhereClause {
  /**
   * Transaction and session commands and the statements that write or change the schema. Each is a
   * reserved word or useless in a condition; as a function name (followed by '(') it passes. Other
   * words that start statements (COPY, CALL, LOCK) are harmless without a ';', which is refused on
   * its own.
   */
  private static final Set<String> STATEMENTS =
      Set.of(
          "COMMIT",
          "ROLLBACK",
          "BEGIN",
          "SAVEPOINT",
          "SET",
          "RESET",
          "DISCARD",
          "DELETE",
          "INSERT",
          "UPDATE",
          "MERGE",
          "TRUNCATE",
          "DROP",
          "ALTER",
          "CREATE",
          "GRANT",
          "REVOKE",
          "DO",
          "EXECUTE",
          "PREPARE",
          "DEALLOCATE",
          "VACUUM",
          "SHUTDOWN",
          "RUNSCRIPT");

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z_0-9$]*");

  private WhereClause() {}

  /** Why {@code where} cannot be used, or null when it is one condition. */
  public static String problem(ScriptSplitter lexer, String where) {
    String code = lexer.code(where);
    if (code.indexOf(';') >= 0) {
      return "holds a ';' outside quotes, which would end the read and start another statement;"
          + " a where is one condition";
    }
    int depth = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) {
        return "closes a parenthesis it did not open (at character "
            + (i + 1)
            + "), which would end the read's own WHERE (...)";
      }
    }
    if (depth != 0) {
      return "leaves a parenthesis open";
    }
    Matcher m = WORD.matcher(code);
    while (m.find()) {
      String word = m.group().toUpperCase(Locale.ROOT);
      if (STATEMENTS.contains(word) && !functionCall(code, m.end())) {
        return "holds '"
            + m.group()
            + "', a statement or session command; a where is one condition, it cannot change"
            + " data or settings";
      }
    }
    return null;
  }

  private static boolean functionCall(String code, int afterWord) {
    int i = afterWord;
    while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
      i++;
    }
    return i < code.length() && code.charAt(i) == '(';
  }
}
