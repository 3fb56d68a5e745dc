package dev.guise.secret;

import java.io.ByteArrayOutputStream;
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
import java.util.UUID;

/**
 * Canonical, engine-independent bytes for values that seed the generator. Every number is encoded
 * by its exact decimal value (so INTEGER 5, BIGINT 5 and NUMERIC 5.00 agree), text as UTF-8, dates
 * and timestamps in ISO-8601, zoned timestamps as the UTC instant. Each field is tagged and
 * length-prefixed so that ("ab","c") and ("a","bc") differ.
 */
public final class SeedEncoder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

  public SeedEncoder add(Object value) {
    if (value == null) {
      out.write('N');
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
      out.write('x');
      writeLength(bytes.length);
      out.writeBytes(bytes);
      return this;
    } else {
      tag = 's';
      text = value.toString();
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(tag);
    writeLength(bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  public SeedEncoder addAll(Iterable<?> values) {
    for (Object v : values) {
      add(v);
    }
    return this;
  }

  public byte[] toBytes() {
    return out.toByteArray();
  }

  static String canonicalDecimal(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  private void writeLength(int n) {
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
  }
}
