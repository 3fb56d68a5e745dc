package dev.guise.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an identifier into lower-case words whatever its style: {@code emailAddress}, {@code
 * EMAIL_ADDR}, {@code e-mail}, {@code addressLine2} and {@code HTTPServer} all come apart at case
 * changes, digits, underscores, hyphens, dots and spaces.
 */
final class NameTokens {
  private NameTokens() {}

  static List<String> of(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(word, out);
        continue;
      }
      if (word.length() > 0) {
        char prev = word.charAt(word.length() - 1);
        boolean split =
            (Character.isDigit(c) != Character.isDigit(prev))
                || (Character.isUpperCase(c) && Character.isLowerCase(prev))
                // the last capital of a run starts the next word: HTTPServer -> http, server
                || (Character.isUpperCase(c)
                    && Character.isUpperCase(prev)
                    && i + 1 < n
                    && Character.isLowerCase(name.charAt(i + 1)));
        if (split) {
          flush(word, out);
        }
      }
      word.append(c);
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }

  /** The singular of a plain English plural, for table names ({@code patients} -> patient). */
  static String singular(String token) {
    if (token.endsWith("ies") && token.length() > 4) {
      return token.substring(0, token.length() - 3) + "y";
    }
    if (token.endsWith("ses") || token.endsWith("xes")) {
      return token.substring(0, token.length() - 2);
    }
    if (token.endsWith("s") && !token.endsWith("ss") && token.length() > 3) {
      return token.substring(0, token.length() - 1);
    }
    return token;
  }
}
