package dev.guise.secret;

import java.math.BigInteger;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A keyed permutation E of the integers {@code [0, size)}, with its inverse. Domains of at least
 * {@link #FF1_MIN_DOMAIN} elements use FF1 (NIST SP 800-38G, BouncyCastle) over a string domain
 * just large enough, cycle-walking until the result falls inside the domain; smaller domains are
 * shuffled whole (Fisher–Yates driven by a keyed generator) into a lookup table. {@link #successor}
 * is the fixed-point-free bijection x ↦ E⁻¹((E(x) + 1) mod size). Immutable and thread-safe; {@code
 * docs/unique-masks.md} explains why each is a bijection.
 */
public abstract sealed class KeyedPermutation {
  /** BouncyCastle refuses FF1 when radix^length is below this (SP 800-38G's minimum domain). */
  public static final int FF1_MIN_DOMAIN = 1_000_000;

  private final BigInteger size;

  private KeyedPermutation(BigInteger size) {
    if (size.signum() <= 0) {
      throw new IllegalArgumentException("a permutation needs a non-empty domain");
    }
    this.size = size;
  }

  /** The number of elements of the domain. */
  public BigInteger size() {
    return size;
  }

  /** E(x), for x in {@code [0, size)}. */
  public abstract BigInteger forward(BigInteger x);

  /** E⁻¹(y), for y in {@code [0, size)}. */
  public abstract BigInteger inverse(BigInteger y);

  /**
   * E⁻¹((E(x) + 1) mod size): a bijection of the domain that is a single cycle through all of it,
   * so no element maps to itself unless the domain has one element.
   */
  public BigInteger successor(BigInteger x) {
    BigInteger next = forward(x).add(BigInteger.ONE);
    return inverse(next.equals(size) ? BigInteger.ZERO : next);
  }

  /** The inverse of {@link #successor}: E⁻¹((E(y) − 1) mod size). */
  public BigInteger predecessor(BigInteger y) {
    BigInteger e = forward(y);
    return inverse(e.signum() == 0 ? size.subtract(BigInteger.ONE) : e.subtract(BigInteger.ONE));
  }

  static KeyedPermutation table(BigInteger size, Rng rng) {
    return new Table(size.intValueExact(), rng);
  }

  static KeyedPermutation ff1(BigInteger size, byte[] aesKey, byte[] tweak) {
    return new Ff1(size, aesKey, tweak);
  }

  /**
   * An FF1-AES engine (AES by the JDK, {@link JceAes}); the NIST SP 800-38G known-answer tests run
   * through this too.
   */
  static FPEFF1Engine engine(byte[] aesKey, int radix, byte[] tweak, boolean forward) {
    FPEFF1Engine engine = new FPEFF1Engine(new JceAes());
    engine.init(forward, new FPEParameters(new KeyParameter(aesKey), radix, tweak));
    return engine;
  }

  final void check(BigInteger x) {
    if (x.signum() < 0 || x.compareTo(size) >= 0) {
      throw new IllegalArgumentException("outside the permutation's domain");
    }
  }

  /** A whole small domain shuffled once into a table (and its inverse). */
  private static final class Table extends KeyedPermutation {
    private final int[] forward;
    private final int[] inverse;

    Table(int n, Rng rng) {
      super(BigInteger.valueOf(n));
      forward = new int[n];
      for (int i = 0; i < n; i++) {
        forward[i] = i;
      }
      for (int i = n - 1; i > 0; i--) { // Fisher–Yates: every permutation equally likely
        int j = rng.nextInt(i + 1);
        int t = forward[i];
        forward[i] = forward[j];
        forward[j] = t;
      }
      inverse = new int[n];
      for (int i = 0; i < n; i++) {
        inverse[forward[i]] = i;
      }
    }

    @Override
    int cells() {
      return forward.length;
    }

    @Override
    public BigInteger forward(BigInteger x) {
      check(x);
      return BigInteger.valueOf(forward[x.intValue()]);
    }

    @Override
    public BigInteger inverse(BigInteger y) {
      check(y);
      return BigInteger.valueOf(inverse[y.intValue()]);
    }
  }

  /**
   * FF1 over strings of {@code length} symbols of {@code radix} (at most 2^16, BouncyCastle's
   * widest), chosen so that radix^length is the smallest such power at or above the domain's size:
   * cycle-walking then rarely takes a second step, and short strings keep FF1's rounds cheap.
   */
  private static final class Ff1 extends KeyedPermutation {
    private static final int MAX_RADIX = 1 << 16;
    private final int radix;
    private final int length;
    private final int width; // bytes per symbol
    private final byte[] aesKey;
    private final byte[] tweak;
    // FF1 engines hold state; one pair per thread saves the AES key schedule on every value
    private final ThreadLocal<FPEFF1Engine> encrypt = ThreadLocal.withInitial(() -> engine(true));
    private final ThreadLocal<FPEFF1Engine> decrypt = ThreadLocal.withInitial(() -> engine(false));

    Ff1(BigInteger size, byte[] aesKey, byte[] tweak) {
      super(size);
      int bits = size.subtract(BigInteger.ONE).bitLength();
      this.length = Math.max(2, (bits + 15) / 16);
      this.radix = ceilRoot(size, length);
      this.width = radix > 256 ? 2 : 1;
      this.aesKey = aesKey.clone();
      this.tweak = tweak.clone();
    }

    /** The smallest r with r^n >= size (at least 2). */
    private static int ceilRoot(BigInteger size, int n) {
      int lo = 2;
      int hi = MAX_RADIX;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (BigInteger.valueOf(mid).pow(n).compareTo(size) >= 0) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    @Override
    public BigInteger forward(BigInteger x) {
      check(x);
      return walk(x, true);
    }

    @Override
    public BigInteger inverse(BigInteger y) {
      check(y);
      return walk(y, false);
    }

    /** Applies FF1 until the value is back inside the domain (a permutation of the domain). */
    private BigInteger walk(BigInteger x, boolean forward) {
      FPEFF1Engine engine = forward ? encrypt.get() : decrypt.get();
      byte[] in = toSymbols(x);
      byte[] out = new byte[in.length];
      BigInteger y;
      do {
        engine.processBlock(in, 0, in.length, out, 0);
        y = fromSymbols(out);
        byte[] t = in;
        in = out;
        out = t;
      } while (y.compareTo(size()) >= 0);
      return y;
    }

    private FPEFF1Engine engine(boolean forward) {
      return KeyedPermutation.engine(aesKey, radix, tweak, forward);
    }

    /** Big-endian base-radix digits, one or two bytes each (BouncyCastle's layout). */
    private byte[] toSymbols(BigInteger x) {
      byte[] b = new byte[length * width];
      BigInteger r = BigInteger.valueOf(radix);
      for (int i = length - 1; i >= 0; i--) {
        BigInteger[] qr = x.divideAndRemainder(r);
        int d = qr[1].intValue();
        x = qr[0];
        if (width == 2) {
          b[2 * i] = (byte) (d >>> 8);
          b[2 * i + 1] = (byte) d;
        } else {
          b[i] = (byte) d;
        }
      }
      return b;
    }

    private BigInteger fromSymbols(byte[] b) {
      BigInteger r = BigInteger.valueOf(radix);
      BigInteger x = BigInteger.ZERO;
      for (int i = 0; i < length; i++) {
        int d = width == 2 ? ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff) : b[i] & 0xff;
        x = x.multiply(r).add(BigInteger.valueOf(d));
      }
      return x;
    }
  }

  /** How many table cells this permutation holds in memory (0 for FF1). */
  int cells() {
    return 0;
  }
}
