package dev.guise.db;

import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for the bulk loads' text formats (PostgreSQL's COPY CSV, MariaDB's
 * LOAD DATA), written straight to bytes: no StringBuilder and no copy of the whole batch to encode
 * it. Text comes in as its UTF-8 bytes (String.getBytes, which the JVM does fastest), and each
 * format escapes its own ASCII characters in them: no UTF-8 byte of a multi-byte character is
 * ASCII, so the escapes never split one.
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

  /** A long's decimal digits. */
  public void digits(long v) {
    ascii(Long.toString(v));
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

  /** Bytes as they are. */
  public void append(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }
}
