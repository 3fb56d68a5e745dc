package dev.guise.db;

import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for the bulk loads' text formats (PostgreSQL's COPY CSV, MariaDB's
 * LOAD DATA), written straight to bytes: no StringBuilder, no String, no copy to encode it. Each
 * format escapes its own ASCII characters and hands the rest to {@link #utf8}.
 */
public final class TextBytes {
  private byte[] buf;
  private int size;

  public TextBytes(int capacity) {
    buf = new byte[Math.max(64, capacity)];
  }

  /** The buffer, valid up to {@link #length}. */
  public byte[] bytes() {
    return buf;
  }

  public int length() {
    return size;
  }

  public void put(byte b) {
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[size++] = b;
  }

  /** Two bytes: an escape and its letter. */
  public void put(byte a, byte b) {
    ensure(2);
    buf[size++] = a;
    buf[size++] = b;
  }

  /** Text known to be ASCII (digits, ISO dates, hex), byte for char. */
  public void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[size++] = (byte) s.charAt(i);
    }
  }

  /** A long's decimal digits, without a String in between. */
  public void digits(long v) {
    if (v == Long.MIN_VALUE) {
      ascii(Long.toString(v));
      return;
    }
    ensure(20);
    if (v < 0) {
      buf[size++] = '-';
      v = -v;
    }
    int end = size + digitCount(v);
    int at = end;
    do {
      buf[--at] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    } while (v != 0);
    size = end;
  }

  private static int digitCount(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  /** Room for {@code more} bytes, so that a caller may write them with {@link #putUnchecked}. */
  public void ensure(int more) {
    if (buf.length - size < more) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  /** One byte where {@link #ensure} made room. */
  public void putUnchecked(byte b) {
    buf[size++] = b;
  }

  /**
   * The non-ASCII character at {@code text[i]} as UTF-8 (a surrogate pair as one code point, an
   * unpaired surrogate as '?', as String.getBytes encodes it), where {@link #ensure} made room for
   * 4 bytes; returns the index of the last char used.
   */
  public int utf8(String text, int i) {
    char ch = text.charAt(i);
    byte[] b = buf;
    int n = size;
    if (ch < 0x800) {
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
      b[n++] = '?';
    } else {
      b[n++] = (byte) (0xe0 | (ch >> 12));
      b[n++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
      b[n++] = (byte) (0x80 | (ch & 0x3f));
    }
    size = n;
    return i;
  }
}
