package dev.guise.exec;

import dev.guise.db.RawField;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A rough estimate of the heap a row read from a table takes (object headers, references and
 * payloads as a 64-bit JVM with compressed references lays them out), for sizing batches; not
 * exact, and need not be.
 */
final class RowBytes {
  private RowBytes() {}

  static long estimate(Object[] row) {
    long bytes = 16 + 4L * row.length;
    for (Object v : row) {
      bytes += of(v);
    }
    return bytes;
  }

  private static long of(Object v) {
    if (v == null || v instanceof Boolean) {
      return 0; // shared instances
    }
    if (v instanceof String s) {
      return 40 + 2L * s.length(); // a UTF-16 string at worst; Latin-1 ones take half the payload
    }
    if (v instanceof byte[] b) {
      return 16 + b.length;
    }
    if (v instanceof RawField f) {
      return 24 + f.length() + 16; // its share of the row's bytes, and the array's header
    }
    if (v instanceof BigDecimal d) {
      return 40 + of(d.unscaledValue());
    }
    if (v instanceof BigInteger i) {
      return 40 + i.bitLength() / 8;
    }
    if (v instanceof Number) {
      return 16;
    }
    return 64; // dates, times, UUIDs and the like
  }
}
