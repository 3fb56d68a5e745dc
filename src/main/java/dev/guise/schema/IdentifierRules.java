package dev.guise.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * How one engine reads the table and column names a ruleset writes, the way DataMasque users write
 * them: a part in double quotes (or backticks, where the engine quotes with them) is the exact
 * name, a doubled quote inside it is one literal quote and a dot inside it belongs to the name; an
 * unquoted part is folded as the engine folds unquoted SQL names, then tried exactly as written,
 * then ignoring case when only one name matches that way.
 *
 * @param folding what the engine does to an unquoted name
 * @param backticks true when backticks quote a name too (MySQL, MariaDB); double quotes always do,
 *     so one ruleset runs on every engine
 */
public record IdentifierRules(Folding folding, boolean backticks) {
  /** Standard SQL: unquoted names are stored in upper case (H2). */
  public static final IdentifierRules STANDARD = new IdentifierRules(Folding.UPPER, false);

  /** What an engine stores for a name written without quotes. */
  public enum Folding {
    UPPER,
    LOWER,
    NONE;

    String apply(String name) {
      return switch (this) {
        case UPPER -> name.toUpperCase(Locale.ROOT);
        case LOWER -> name.toLowerCase(Locale.ROOT);
        case NONE -> name;
      };
    }
  }

  /** Splits a written name at the dots outside quotes. */
  public WrittenName parse(String written) {
    List<WrittenName.Part> parts = new ArrayList<>();
    int n = written.length();
    int i = 0;
    while (true) {
      while (i < n && Character.isWhitespace(written.charAt(i))) {
        i++;
      }
      if (i < n && isQuote(written.charAt(i))) {
        char q = written.charAt(i);
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        boolean closed = false;
        while (j < n && !closed) {
          char ch = written.charAt(j++);
          if (ch != q) {
            text.append(ch);
          } else if (j < n && written.charAt(j) == q) {
            text.append(q); // a doubled quote is one literal quote
            j++;
          } else {
            closed = true;
          }
        }
        if (!closed) {
          return bad(written, "the " + q + " that opens a quoted name is never closed");
        }
        if (text.isEmpty()) {
          return bad(written, "a quoted part is empty");
        }
        parts.add(new WrittenName.Part(text.toString(), true));
        while (j < n && Character.isWhitespace(written.charAt(j))) {
          j++;
        }
        if (j == n) {
          break;
        }
        if (written.charAt(j) != '.') {
          return bad(
              written,
              "text follows the closing "
                  + q
                  + "; put the whole name inside the quotes, or a dot between parts");
        }
        i = j + 1;
      } else {
        int dot = written.indexOf('.', i);
        String text = (dot < 0 ? written.substring(i) : written.substring(i, dot)).strip();
        if (text.isEmpty()) {
          return bad(written, "a part is empty; write table, schema.table or table.column");
        }
        parts.add(new WrittenName.Part(text, false));
        if (dot < 0) {
          break;
        }
        i = dot + 1;
      }
    }
    return new WrittenName(written, parts, null);
  }

  private boolean isQuote(char c) {
    return c == '"' || (backticks && c == '`');
  }

  private static WrittenName bad(String written, String why) {
    return new WrittenName(written, List.of(), "is not a valid name: " + why);
  }

  /**
   * Finds the real name a written part means among {@code names}: a quoted part only exactly; an
   * unquoted one folded, then as written, then ignoring case if that leaves exactly one.
   */
  public NameMatch match(WrittenName.Part part, Collection<String> names) {
    String text = part.text();
    if (!part.quoted()) {
      String folded = folding.apply(text);
      if (names.contains(folded)) {
        return new NameMatch(folded, null);
      }
    }
    if (names.contains(text)) {
      return new NameMatch(text, null);
    }
    List<String> sameLetters = names.stream().filter(n -> n.equalsIgnoreCase(text)).toList();
    if (sameLetters.isEmpty()) {
      return new NameMatch(null, null);
    }
    if (part.quoted()) {
      return new NameMatch(
          null,
          "; a quoted name matches its case exactly; did you mean "
              + quotedList(sameLetters)
              + "?");
    }
    if (sameLetters.size() == 1) {
      return new NameMatch(sameLetters.get(0), null);
    }
    return new NameMatch(
        null,
        "; "
            + sameLetters.size()
            + " names differ from it only in case: "
            + quotedList(sameLetters)
            + "; quote the one you mean");
  }

  /** True when the part means {@code name}, by {@link #match}. */
  public boolean means(WrittenName.Part part, String name) {
    return name != null && match(part, List.of(name)).found();
  }

  /** A name as a ruleset quotes it to mean exactly that name: {@code "Order"}. */
  public static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String quotedList(List<String> names) {
    List<String> out = names.stream().map(n -> "'" + quoted(n) + "'").toList();
    return out.size() == 1 ? out.get(0) : String.join(" or ", out);
  }
}
