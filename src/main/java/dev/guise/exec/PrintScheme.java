package dev.guise.exec;

import dev.guise.secret.RunKey;
import dev.guise.secret.SeedEncoder;
import dev.guise.secret.SipHash;
import java.nio.charset.StandardCharsets;

/**
 * How the keyed fingerprints of originals ({@link OriginalPrints}) are computed, by the version
 * that each chunk of them records, so {@code guise verify} reads the runs of earlier releases too:
 *
 * <ul>
 *   <li>1: HMAC-SHA-256 under the run key of (column, row key, value) and of (column, value).
 *   <li>2 (what runs write now): SipHash-2-4 of (row key, column, value) and of (column, value),
 *       under two 128-bit keys derived from the run key. A tenth of the CPU of version 1, and as
 *       meaningless to whoever lacks the run key.
 * </ul>
 *
 * Not thread-safe: one per thread, which starts each row with {@link #row} before its columns.
 */
abstract class PrintScheme {
  /** The version that runs write. */
  static final int CURRENT = 2;

  /** The column a fingerprint belongs to: equal values of two columns print differently. */
  record Scope(String text, byte[] encoded) {
    static Scope of(String table, String column) {
      String text = table + "\0" + column;
      return new Scope(text, new SeedEncoder().add(text).toBytes());
    }
  }

  /** Whether this release computes fingerprints of {@code version}. */
  static boolean known(int version) {
    return version >= 1 && version <= CURRENT;
  }

  /** The scheme of a {@link #known} version. */
  static PrintScheme of(int version, RunKey key) {
    return switch (version) {
      case 1 -> new V1(key);
      case 2 -> new V2(key);
      default -> throw new IllegalArgumentException("unknown fingerprint version " + version);
    };
  }

  /** Starts a row: its first {@code keySize} values are its key. */
  abstract void row(Object[] row, int keySize);

  /** The fingerprint of (this row's key, value) in the column. */
  abstract long sameRow(Scope scope, Object value);

  /** The fingerprint of the value alone in the column. */
  abstract long anyRow(Scope scope, Object value);

  private static final class V1 extends PrintScheme {
    private static final byte[] SAME_ROW =
        "guise/verify/v1/same-row".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANY_ROW =
        "guise/verify/v1/any-row".getBytes(StandardCharsets.UTF_8);
    private final RunKey key;
    private Object[] row;
    private int keySize;

    V1(RunKey key) {
      this.key = key;
    }

    @Override
    void row(Object[] row, int keySize) {
      this.row = row;
      this.keySize = keySize;
    }

    @Override
    long sameRow(Scope scope, Object value) {
      SeedEncoder e = new SeedEncoder().add(scope.text());
      for (int i = 0; i < keySize; i++) {
        e.add(row[i]);
      }
      return key.fingerprint64(SAME_ROW, e.add(value).toBytes());
    }

    @Override
    long anyRow(Scope scope, Object value) {
      return key.fingerprint64(ANY_ROW, new SeedEncoder().add(scope.text()).add(value).toBytes());
    }
  }

  private static final class V2 extends PrintScheme {
    private final SipHash same;
    private final SipHash any;
    // reused for every value: the row's key is encoded once per row, not once per column
    private final SeedEncoder keyed = new SeedEncoder();
    private final SeedEncoder alone = new SeedEncoder();
    private int keyEnd;

    V2(RunKey key) {
      this.same = key.sipHash("guise/verify/v2/same-row".getBytes(StandardCharsets.UTF_8));
      this.any = key.sipHash("guise/verify/v2/any-row".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    void row(Object[] row, int keySize) {
      keyed.truncate(0);
      for (int i = 0; i < keySize; i++) {
        keyed.add(row[i]);
      }
      keyEnd = keyed.size();
    }

    @Override
    long sameRow(Scope scope, Object value) {
      return keyed.truncate(keyEnd).addEncoded(scope.encoded()).add(value).sipHash(same);
    }

    @Override
    long anyRow(Scope scope, Object value) {
      return alone.truncate(0).addEncoded(scope.encoded()).add(value).sipHash(any);
    }
  }
}
