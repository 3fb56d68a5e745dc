package dev.guise.secret;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit pseudorandom function, ten times
 * cheaper than HMAC-SHA-256 on the short inputs it is made for. Used for {@code guise verify}'s
 * fingerprints of originals, where a 128-bit key derived from the run key keeps them meaningless to
 * whoever lacks it. Immutable and thread-safe; the known-answer test pins it to the reference.
 */
public final class SipHash {
  private final long k0;
  private final long k1;

  /** A function keyed with the first 16 bytes of {@code key} (little-endian, as the paper has). */
  public SipHash(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("SipHash needs a 16-byte key");
    }
    this.k0 = le(key, 0, 8);
    this.k1 = le(key, 8, 8);
  }

  /** SipHash-2-4 of {@code len} bytes of {@code data} from {@code off}. */
  public long hash(byte[] data, int off, int len) {
    State s = new State(k0, k1); // scalar-replaced once inlined: no allocation per call
    int end = off + (len & ~7);
    for (int i = off; i < end; i += 8) {
      s.absorb((long) LONG_LE.get(data, i));
    }
    s.absorb(((long) len << 56) | le(data, end, len & 7));
    s.v2 ^= 0xff;
    for (int r = 0; r < 4; r++) {
      s.round();
    }
    return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
  }

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The four words of SipHash's state. */
  private static final class State {
    long v0;
    long v1;
    long v2;
    long v3;

    State(long k0, long k1) {
      v0 = k0 ^ 0x736f6d6570736575L;
      v1 = k1 ^ 0x646f72616e646f6dL;
      v2 = k0 ^ 0x6c7967656e657261L;
      v3 = k1 ^ 0x7465646279746573L;
    }

    /** One message word: two compression rounds. */
    void absorb(long m) {
      v3 ^= m;
      round();
      round();
      v0 ^= m;
    }

    void round() {
      v0 += v1;
      v1 = Long.rotateLeft(v1, 13) ^ v0;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v3;
      v3 = Long.rotateLeft(v3, 16) ^ v2;
      v0 += v3;
      v3 = Long.rotateLeft(v3, 21) ^ v0;
      v2 += v1;
      v1 = Long.rotateLeft(v1, 17) ^ v2;
      v2 = Long.rotateLeft(v2, 32);
    }
  }

  /** {@code n} (at most 8) bytes from {@code at} as a little-endian long. */
  private static long le(byte[] b, int at, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[at + i] & 0xffL);
    }
    return v;
  }
}
