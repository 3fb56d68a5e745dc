package dev.guise.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.junit.jupiter.api.Test;

class KeyedPermutationTest {
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final String KEY128 = "2B7E151628AED2A6ABF7158809CF4F3C";
  private static final String KEY192 = KEY128 + "EF4359D8D580AA4F";
  private static final String KEY256 = KEY192 + "7F036D6F04FC6A94";
  private static final String TWEAK10 = "39383736353433323130";
  private static final String TWEAK11 = "3737373770717273373737";

  /** NIST SP 800-38G, FF1 examples: samples 1-9 (AES-128, -192, -256; radix 10 and 36). */
  @Test
  void ff1MatchesTheNistSamples() {
    String[][] samples = {
      {KEY128, "", "10", "0123456789", "2433477484"},
      {KEY128, TWEAK10, "10", "0123456789", "6124200773"},
      {KEY128, TWEAK11, "36", "0123456789abcdefghi", "a9tv40mll9kdu509eum"},
      {KEY192, "", "10", "0123456789", "2830668132"},
      {KEY192, TWEAK10, "10", "0123456789", "2496655549"},
      {KEY192, TWEAK11, "36", "0123456789abcdefghi", "xbj3kv35jrawxv32ysr"},
      {KEY256, "", "10", "0123456789", "6657667009"},
      {KEY256, TWEAK10, "10", "0123456789", "1001623463"},
      {KEY256, TWEAK11, "36", "0123456789abcdefghi", "xs8a0azh2avyalyzuwd"},
    };
    for (String[] s : samples) {
      byte[] key = HexFormat.of().parseHex(s[0]);
      byte[] tweak = HexFormat.of().parseHex(s[1]);
      int radix = Integer.parseInt(s[2]);
      assertThat(run(KeyedPermutation.engine(key, radix, tweak, true), s[3]))
          .as("sample %s", s[4])
          .isEqualTo(s[4]);
      assertThat(run(KeyedPermutation.engine(key, radix, tweak, false), s[4])).isEqualTo(s[3]);
    }
  }

  private static String run(FPEFF1Engine engine, String text) {
    byte[] in = new byte[text.length()];
    for (int i = 0; i < in.length; i++) {
      in[i] = (byte) ALPHABET.indexOf(text.charAt(i));
    }
    byte[] out = new byte[in.length];
    engine.processBlock(in, 0, in.length, out, 0);
    StringBuilder sb = new StringBuilder();
    for (byte b : out) {
      sb.append(ALPHABET.charAt(b));
    }
    return sb.toString();
  }

  private final UniqueKey key = UniqueKey.derive(RunKey.derive(null, "a-run-secret-of-twenty"), "");

  @Test
  void smallDomainsAreWholeShufflesAndSuccessorHasNoFixedPoint() {
    for (int n : new int[] {1, 2, 3, 10, 26, 260, 999, 999_999}) {
      KeyedPermutation p = key.permutation("t", BigInteger.valueOf(n));
      boolean[] hit = new boolean[n];
      boolean[] hitNext = new boolean[n];
      int moved = 0;
      for (int i = 0; i < n; i++) {
        BigInteger x = BigInteger.valueOf(i);
        int y = p.forward(x).intValueExact();
        assertThat(p.inverse(BigInteger.valueOf(y)).intValueExact()).isEqualTo(i);
        assertThat(hit[y]).isFalse();
        hit[y] = true;
        int z = p.successor(x).intValueExact();
        assertThat(hitNext[z]).isFalse();
        hitNext[z] = true;
        moved += z != i ? 1 : 0;
      }
      assertThat(moved).isEqualTo(n == 1 ? 0 : n);
    }
  }

  @Test
  void successorIsOneCycleThroughTheWholeDomain() {
    for (long n : new long[] {7, 1000, 999_999}) {
      KeyedPermutation p = key.permutation("cycle", BigInteger.valueOf(n));
      BigInteger x = BigInteger.ZERO;
      long steps = 0;
      do {
        x = p.successor(x);
        steps++;
      } while (!x.equals(BigInteger.ZERO) && steps <= n);
      assertThat(steps).isEqualTo(n);
    }
  }

  @Test
  void ff1DomainsWalkBackIntoRangeAndInvert() {
    // just above FF1's minimum, a size that is no power, and a wide one (two-byte symbols)
    for (BigInteger n :
        new BigInteger[] {
          BigInteger.valueOf(1_000_000),
          BigInteger.valueOf(67_600_000_003L),
          BigInteger.TEN.pow(40).add(BigInteger.valueOf(17))
        }) {
      KeyedPermutation p = key.permutation("ff1", n);
      Set<BigInteger> seen = new HashSet<>();
      for (long i = 0; i < 3000; i++) {
        BigInteger x = n.subtract(BigInteger.valueOf(i * 7919 + 1)).mod(n);
        BigInteger y = p.forward(x);
        assertThat(y.signum()).isGreaterThanOrEqualTo(0);
        assertThat(y).isLessThan(n);
        assertThat(p.inverse(y)).isEqualTo(x);
        assertThat(seen.add(y)).isTrue();
        assertThat(p.successor(x)).isNotEqualTo(x);
      }
    }
  }

  @Test
  void namespaceDomainAndRunKeySeparatePermutations() {
    BigInteger n = BigInteger.valueOf(5_000_000);
    KeyedPermutation a = key.permutation("d", n);
    KeyedPermutation seeded =
        UniqueKey.derive(RunKey.derive(null, "a-run-secret-of-twenty"), "s").permutation("d", n);
    KeyedPermutation otherDomain = key.permutation("e", n);
    KeyedPermutation otherRun =
        UniqueKey.derive(RunKey.derive(null, "another-run-secret-xx"), "").permutation("d", n);
    KeyedPermutation again =
        UniqueKey.derive(RunKey.derive(null, "a-run-secret-of-twenty"), "").permutation("d", n);
    int same = 0;
    for (long i = 0; i < 100; i++) {
      BigInteger x = BigInteger.valueOf(i);
      assertThat(again.forward(x)).isEqualTo(a.forward(x));
      same += a.forward(x).equals(seeded.forward(x)) ? 1 : 0;
      same += a.forward(x).equals(otherDomain.forward(x)) ? 1 : 0;
      same += a.forward(x).equals(otherRun.forward(x)) ? 1 : 0;
    }
    assertThat(same).isZero();
  }
}
