package dev.guise.secret;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A deterministic pseudo-random generator (xoshiro256**) seeded from 32 bytes of keyed HMAC output.
 * Masks draw all their randomness from one of these; the same seed always gives the same sequence,
 * on every JVM and platform. Known-answer tests pin the sequence: changing it changes every masked
 * value ever produced and is a breaking change.
 */
public final class Rng {
  private long s0;
  private long s1;
  private long s2;
  private long s3;
  private final byte[] seed;

  /** Seeds the generator from (at least) 32 bytes. */
  public Rng(byte[] seed32) {
    if (seed32.length < 32) {
      throw new IllegalArgumentException("seed must be 32 bytes");
    }
    this.seed = seed32.clone();
    ByteBuffer b = ByteBuffer.wrap(seed32).order(ByteOrder.LITTLE_ENDIAN);
    s0 = b.getLong();
    s1 = b.getLong();
    s2 = b.getLong();
    s3 = b.getLong();
    if ((s0 | s1 | s2 | s3) == 0) {
      s0 = 0x9E3779B97F4A7C15L; // the all-zero state is a fixed point of xoshiro
    }
  }

  /** An independent generator for a nested mask or sub-task, derived from this one's seed. */
  public Rng derive(String label) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(seed);
      sha.update((byte) 0);
      sha.update(label.getBytes(StandardCharsets.UTF_8));
      return new Rng(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }

  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in [0, bound), without modulo bias. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) nextLong(bound);
  }

  /** Uniform in [0, bound), without modulo bias. */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    // Rejects r at or above the largest multiple of bound <= Long.MAX_VALUE, as before, with one
    // division instead of two: r - u is the multiple at or below r, and the only multiple above
    // Long.MAX_VALUE - bound is that largest one.
    while (true) {
      long r = nextLong() >>> 1;
      long u = r % bound;
      if (r - u <= Long.MAX_VALUE - bound) {
        return u;
      }
    }
  }

  /** Uniform in [min, max], both inclusive. */
  public long nextLongInclusive(long min, long max) {
    if (max < min) {
      throw new IllegalArgumentException("max < min");
    }
    long span = max - min + 1;
    if (span <= 0) { // the whole long range, or an overflowing one
      long r;
      do {
        r = nextLong();
      } while (r < min || r > max);
      return r;
    }
    return min + nextLong(span);
  }

  /** Uniform in [0, 1) with 53 bits of precision. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  public boolean nextBoolean() {
    return nextLong() < 0;
  }
}
