package dev.guise.db.mysql;

import dev.guise.value.Conversions;
import java.util.Arrays;

/**
 * LOAD DATA's default text format, as UTF-8: tab-separated fields, one line per row, {@code \N} for
 * NULL, and backslash escapes for backslash, tab, newline, carriage return and NUL.
 */
final class LoadDataText {
  private byte[] buf;
  private int size;

  LoadDataText(int capacity) {
    buf = new byte[Math.max(64, capacity)];
  }

  void tab() {
    put((byte) '\t');
  }

  void newline() {
    put((byte) '\n');
  }

  void field(Object v) {
    if (v == null) {
      put((byte) '\\');
      put((byte) 'N');
      return;
    }
    // coerced values only: text, integers, decimals (plain notation) and ISO dates
    String text = Conversions.toText(v);
    // at most 3 bytes per UTF-16 unit (an escape takes 2, a surrogate pair 4 for two units)
    ensure(3 * text.length());
    byte[] b = buf;
    int n = size;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\\' -> n = escaped(b, n, '\\');
        case '\t' -> n = escaped(b, n, 't');
        case '\n' -> n = escaped(b, n, 'n');
        case '\r' -> n = escaped(b, n, 'r');
        case '\0' -> n = escaped(b, n, '0');
        default -> {
          if (ch < 0x80) {
            b[n++] = (byte) ch;
          } else if (ch < 0x800) {
            b[n++] = (byte) (0xc0 | (ch >> 6));
            b[n++] = (byte) (0x80 | (ch & 0x3f));
          } else if (Character.isHighSurrogate(ch)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            int cp = Character.toCodePoint(ch, text.charAt(++i));
            b[n++] = (byte) (0xf0 | (cp >> 18));
            b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
            b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
            b[n++] = (byte) (0x80 | (cp & 0x3f));
          } else if (Character.isSurrogate(ch)) {
            b[n++] = '?'; // an unpaired surrogate, as String.getBytes encodes it
          } else {
            b[n++] = (byte) (0xe0 | (ch >> 12));
            b[n++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
            b[n++] = (byte) (0x80 | (ch & 0x3f));
          }
        }
      }
    }
    size = n;
  }

  private static int escaped(byte[] b, int n, char c) {
    b[n] = '\\';
    b[n + 1] = (byte) c;
    return n + 2;
  }

  private void ensure(int more) {
    if (buf.length - size < more) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  private void put(byte b) {
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[size++] = b;
  }

  byte[] bytes() {
    return buf;
  }

  int length() {
    return size;
  }
}
