package dev.guise.secret;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Canonical, engine-independent bytes for values that seed the generator. Every number is encoded
 * by its exact decimal value (so INTEGER 5, BIGINT 5 and NUMERIC 5.00 agree), text as UTF-8, dates
 * and timestamps in ISO-8601, zoned timestamps as the UTC instant. Each field is tagged and
 * length-prefixed so that ("ab","c") and ("a","bc") differ.
 */
public final class SeedEncoder {
  // a plain growable array: ByteArrayOutputStream synchronizes every write, and this runs for
  // every masked value
  private byte[] buf = new byte[64];
  private int size;

  public SeedEncoder add(Object value) {
    if (value == null) {
      write('N');
      writeLength(0);
      return this;
    }
    char tag;
    String text;
    if (value instanceof String s) {
      tag = 's';
      text = s;
    } else if (value instanceof Character c) {
      tag = 's';
      text = c.toString();
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      tag = 'n';
      text = value.toString();
    } else if (value instanceof BigDecimal d) {
      tag = 'n';
      text = canonicalDecimal(d);
    } else if (value instanceof Double || value instanceof Float) {
      tag = 'n';
      double v = ((Number) value).doubleValue();
      text = Double.isFinite(v) ? canonicalDecimal(new BigDecimal(Double.toString(v))) : "" + v;
    } else if (value instanceof Boolean b) {
      tag = 'b';
      text = b ? "true" : "false";
    } else if (value instanceof LocalDate d) {
      tag = 'd';
      text = d.toString();
    } else if (value instanceof LocalDateTime t) {
      tag = 't';
      text = t.toString();
    } else if (value instanceof LocalTime t) {
      tag = 'h';
      text = t.toString();
    } else if (value instanceof OffsetDateTime t) {
      tag = 'z';
      text = t.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    } else if (value instanceof ZonedDateTime t) {
      tag = 'z';
      text = t.toInstant().toString();
    } else if (value instanceof Instant t) {
      tag = 'z';
      text = t.toString();
    } else if (value instanceof UUID u) {
      tag = 's';
      text = u.toString();
    } else if (value instanceof byte[] bytes) {
      write('x');
      writeLength(bytes.length);
      writeBytes(bytes);
      return this;
    } else {
      tag = 's';
      text = value.toString();
    }
    write(tag);
    if (!writeAscii(text)) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      writeLength(bytes.length);
      writeBytes(bytes);
    }
    return this;
  }

  public SeedEncoder addAll(Iterable<?> values) {
    for (Object v : values) {
      add(v);
    }
    return this;
  }

  public byte[] toBytes() {
    return Arrays.copyOf(buf, size);
  }

  /** Appends fields that another encoder wrote ({@link #toBytes}), as they are. */
  public SeedEncoder addEncoded(byte[] encoded) {
    writeBytes(encoded);
    return this;
  }

  /** How many bytes are written: a mark that {@link #truncate} goes back to. */
  public int size() {
    return size;
  }

  /** Drops what was written after {@code mark}, so an encoder is reused without allocating. */
  public SeedEncoder truncate(int mark) {
    size = mark;
    return this;
  }

  /** The SipHash of the bytes written, without copying them. */
  public long sipHash(SipHash h) {
    return h.hash(buf, 0, size);
  }

  static String canonicalDecimal(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /**
   * Writes the length and the text when it is all ASCII (its UTF-8 bytes are its chars), without an
   * intermediate array; returns false, having written nothing, otherwise.
   */
  private boolean writeAscii(String text) {
    int n = text.length();
    ensure(4 + n);
    int at = size + 4;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      buf[at + i] = (byte) c;
    }
    writeLength(n);
    size += n;
    return true;
  }

  private void write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  private void writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  private void writeLength(int n) {
    ensure(4);
    buf[size] = (byte) (n >>> 24);
    buf[size + 1] = (byte) (n >>> 16);
    buf[size + 2] = (byte) (n >>> 8);
    buf[size + 3] = (byte) n;
    size += 4;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}
