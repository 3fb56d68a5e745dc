package dev.guise.mask;

import dev.guise.secret.Rng;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A parsed format string: literal text with placeholders {@code {[CLASS],N}} (N characters drawn
 * from CLASS) or {@code {[CLASS],MIN-MAX}} (a length drawn uniformly from MIN..MAX, then that many
 * characters); {@code {{} and {@code }}} are literal braces. CLASS is a bracket class of single
 * characters and ranges ({@code [A-Z]}, {@code [a-z0-9]}, {@code [ACGT]}); a backslash escapes
 * {@code ]}, {@code -} or {@code \}, and a {@code -} first or last in the class is literal.
 * Immutable and thread-safe.
 */
public final class FormatString {
  /** Longest placeholder accepted; keeps a typo like {@code 10000000} from exhausting memory. */
  static final int MAX_PLACEHOLDER_LENGTH = 65_535;

  private sealed interface Part permits Literal, Placeholder {}

  private record Literal(String text) implements Part {}

  private record Placeholder(int[] alphabet, int min, int max) implements Part {}

  private final String source;
  private final List<Part> parts;
  private final int maxLength;

  private FormatString(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
    long total = 0;
    for (Part part : parts) {
      if (part instanceof Literal l) {
        total += ValueText.length(l.text());
      } else if (part instanceof Placeholder p) {
        total += p.max();
      }
    }
    this.maxLength = (int) Math.min(Integer.MAX_VALUE, total);
  }

  /**
   * Parses {@code format}.
   *
   * @throws IllegalArgumentException with a message saying what is wrong, where (1-based character
   *     position) and what to do
   */
  public static FormatString parse(String format) {
    return new Parser(format).parse();
  }

  /** A fresh value drawn from {@code rng}. */
  public String generate(Rng rng) {
    StringBuilder out = new StringBuilder(Math.min(maxLength(), 256));
    for (Part part : parts) {
      if (part instanceof Literal l) {
        out.append(l.text());
      } else if (part instanceof Placeholder p) {
        int length = p.min() == p.max() ? p.min() : (int) rng.nextLongInclusive(p.min(), p.max());
        int[] alphabet = p.alphabet();
        for (int i = 0; i < length; i++) {
          int cp = alphabet[rng.nextInt(alphabet.length)];
          if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            out.append((char) cp);
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.toString();
  }

  /** The longest output, in characters (code points). */
  public int maxLength() {
    return maxLength; // computed once: generate() sizes its buffer with it for every value
  }

  /**
   * How many distinct outputs the format can produce. Exact when every placeholder has a fixed
   * length; with variable lengths it counts distinct draws, an upper bound (two adjacent
   * variable-length placeholders can spell the same text in two ways).
   */
  public BigInteger outputSpace() {
    BigInteger total = BigInteger.ONE;
    for (Part part : parts) {
      if (part instanceof Placeholder p) {
        BigInteger k = BigInteger.valueOf(p.alphabet().length);
        BigInteger count;
        if (k.equals(BigInteger.ONE)) {
          count = BigInteger.valueOf((long) p.max() - p.min() + 1);
        } else {
          // k^min + ... + k^max as a geometric series
          count = k.pow(p.max() + 1).subtract(k.pow(p.min())).divide(k.subtract(BigInteger.ONE));
        }
        total = total.multiply(count);
      }
    }
    return total;
  }

  /**
   * True when every output is a decimal integer of one fixed length (literal digits and
   * fixed-length placeholders of digits only): distinct outputs are distinct numbers.
   */
  public boolean fixedLengthDigits() {
    for (Part part : parts) {
      if (part instanceof Literal l && !l.text().chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return false;
      }
      if (part instanceof Placeholder p
          && (p.min() != p.max()
              || Arrays.stream(p.alphabet()).anyMatch(cp -> cp < '0' || cp > '9'))) {
        return false;
      }
    }
    return maxLength > 0;
  }

  /** How many placeholders have a length range ({@code {[a-z],2-5}}) rather than one length. */
  public int variablePlaceholders() {
    return (int)
        parts.stream().filter(p -> p instanceof Placeholder h && h.min() != h.max()).count();
  }

  /**
   * The output at {@code index} of an enumeration of the format's draws: the placeholders, right to
   * left, are the digits of a mixed-radix number (a variable-length placeholder's digit counts its
   * strings of every allowed length, shortest first). With at most one variable-length placeholder
   * different indexes give different text, so this is a bijection of {@code [0, outputSpace())}.
   */
  public String at(BigInteger index) {
    if (index.signum() < 0 || index.compareTo(outputSpace()) >= 0) {
      throw new IllegalArgumentException("index outside the format's output space");
    }
    String[] rendered = new String[parts.size()];
    for (int i = parts.size() - 1; i >= 0; i--) {
      if (parts.get(i) instanceof Literal l) {
        rendered[i] = l.text();
      } else if (parts.get(i) instanceof Placeholder p) {
        BigInteger[] qr = index.divideAndRemainder(placeholderCount(p));
        index = qr[0];
        rendered[i] = render(p, qr[1]);
      }
    }
    return String.join("", rendered);
  }

  private static BigInteger placeholderCount(Placeholder p) {
    BigInteger k = BigInteger.valueOf(p.alphabet().length);
    BigInteger count = BigInteger.ZERO;
    for (int length = p.min(); length <= p.max(); length++) {
      count = count.add(k.pow(length));
    }
    return count;
  }

  private static String render(Placeholder p, BigInteger index) {
    BigInteger k = BigInteger.valueOf(p.alphabet().length);
    int length = p.min();
    while (index.compareTo(k.pow(length)) >= 0) {
      index = index.subtract(k.pow(length));
      length++;
    }
    int[] out = new int[length];
    for (int i = length - 1; i >= 0; i--) {
      BigInteger[] qr = index.divideAndRemainder(k);
      index = qr[0];
      out[i] = p.alphabet()[qr[1].intValue()];
    }
    return new String(out, 0, out.length);
  }

  /** True when the format has no placeholder (every output is the same text). */
  public boolean isConstant() {
    return parts.stream().noneMatch(p -> p instanceof Placeholder);
  }

  @Override
  public String toString() {
    return source;
  }

  private static final class Parser {
    private final String s;
    private int i;
    private final List<Part> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    Parser(String s) {
      this.s = s;
    }

    FormatString parse() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '{') {
          if (peek(1) == '{') {
            literal.append('{');
            i += 2;
            continue;
          }
          flushLiteral();
          parts.add(placeholder());
        } else if (c == '}') {
          if (peek(1) == '}') {
            literal.append('}');
            i += 2;
            continue;
          }
          throw error(i, "unbalanced '}'", "write '}}' for a literal brace");
        } else {
          literal.append(c);
          i++;
        }
      }
      flushLiteral();
      return new FormatString(s, parts);
    }

    private Placeholder placeholder() {
      int open = i;
      i++; // '{'
      if (peek(0) != '[') {
        throw error(
            open,
            "'{' does not start a placeholder",
            "write a placeholder like {[A-Z],3}, or '{{' for a literal brace");
      }
      int[] alphabet = characterClass();
      skipSpaces();
      if (peek(0) == '}') { // {[0-9]} is one character, as in DataMasque
        i++;
        return new Placeholder(alphabet, 1, 1);
      }
      if (peek(0) != ',') {
        throw unclosedOrBad(open, "expected ',' and a length after the character class");
      }
      i++;
      skipSpaces();
      int min = number(open);
      int max = min;
      skipSpaces();
      if (peek(0) == '-') {
        i++;
        skipSpaces();
        max = number(open);
        skipSpaces();
      }
      if (peek(0) != '}') {
        throw unclosedOrBad(open, "expected '}' after the length");
      }
      i++;
      if (min > max) {
        throw error(
            open,
            "length range " + min + "-" + max + " has MIN > MAX",
            "write it as " + max + "-" + min);
      }
      return new Placeholder(alphabet, min, max);
    }

    private int[] characterClass() {
      int open = i;
      i++; // '['
      List<int[]> items = new ArrayList<>(); // {codePoint, escaped(0/1), position}
      while (true) {
        if (i >= s.length()) {
          throw error(open, "unclosed '['", "close the character class with ']'");
        }
        int cp = s.codePointAt(i);
        int pos = i;
        i += Character.charCount(cp);
        if (cp == ']') {
          break;
        }
        int escaped = 0;
        if (cp == '\\') {
          if (i >= s.length()) {
            throw error(pos, "'\\' at the end of the format", "escape a character after it");
          }
          cp = s.codePointAt(i);
          i += Character.charCount(cp);
          escaped = 1;
        }
        items.add(new int[] {cp, escaped, pos});
      }
      if (items.isEmpty()) {
        throw error(open, "empty character class", "list at least one character, e.g. [A-Z]");
      }
      TreeSet<Integer> chars = new TreeSet<>();
      for (int k = 0; k < items.size(); k++) {
        int[] item = items.get(k);
        boolean rangeDash =
            k + 2 < items.size() && items.get(k + 1)[0] == '-' && items.get(k + 1)[1] == 0;
        if (rangeDash) {
          int from = item[0];
          int to = items.get(k + 2)[0];
          if (from > to) {
            String range =
                new StringBuilder()
                    .appendCodePoint(from)
                    .append('-')
                    .appendCodePoint(to)
                    .toString();
            String fixed =
                new StringBuilder()
                    .appendCodePoint(to)
                    .append('-')
                    .appendCodePoint(from)
                    .toString();
            throw error(item[2], "reversed range '" + range + "'", "write it as '" + fixed + "'");
          }
          for (int c = from; c <= to; c++) {
            if (!Character.isSurrogate((char) c) || c > 0xFFFF) {
              chars.add(c);
            }
          }
          k += 2;
        } else {
          chars.add(item[0]);
        }
      }
      if (chars.isEmpty()) {
        throw error(open, "empty character class", "list at least one character, e.g. [A-Z]");
      }
      return chars.stream().mapToInt(Integer::intValue).toArray();
    }

    private int number(int open) {
      int start = i;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (start == i) {
        throw unclosedOrBad(open, "expected a length (N or MIN-MAX)");
      }
      String digits = s.substring(start, i);
      if (digits.length() > 6 || Integer.parseInt(digits) > MAX_PLACEHOLDER_LENGTH) {
        throw error(
            start,
            "length " + digits + " is too large",
            "use at most " + MAX_PLACEHOLDER_LENGTH + " characters per placeholder");
      }
      return Integer.parseInt(digits);
    }

    private IllegalArgumentException unclosedOrBad(int open, String what) {
      if (s.indexOf('}', i) < 0) {
        return error(open, "unclosed '{'", "end the placeholder with '}', e.g. {[0-9],4}");
      }
      return error(i, what, "write a placeholder like {[A-Z],3} or {[a-z],2-5}");
    }

    private void skipSpaces() {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
    }

    private int peek(int ahead) {
      return i + ahead < s.length() ? s.charAt(i + ahead) : -1;
    }

    private void flushLiteral() {
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
    }

    private IllegalArgumentException error(int pos, String what, String todo) {
      return new IllegalArgumentException(
          what + " at position " + (pos + 1) + " of '" + s + "'; " + todo);
    }
  }
}
