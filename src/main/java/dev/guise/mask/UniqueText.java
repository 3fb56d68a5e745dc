package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.secret.KeyedPermutation;
import dev.guise.secret.UniqueKey;
import java.math.BigInteger;

/**
 * The domains of {@code imitate_unique}: a text value's letters and digits read as one mixed-radix
 * number (letters case-folded, radix 26; digits radix 10; everything else fixed), and an integer's
 * magnitude among the integers of its digit count and sign. Each domain is permuted by a keyed
 * fixed-point-free bijection ({@link KeyedPermutation#successor}).
 */
final class UniqueText {
  private static final int LITERAL = 0;

  private UniqueText() {}

  /** Masks text; canonical integer text ("123", "-45") is masked exactly like the integer. */
  static String mask(String s, UniqueKey key) {
    return mask(s, key, false);
  }

  /**
   * Masks text, or with {@code inverse} undoes {@link #mask(String, UniqueKey)} ({@code tokenize}'s
   * re-identification): each domain maps onto itself, so the inverse finds the same domain.
   */
  static String mask(String s, UniqueKey key, boolean inverse) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--; // CHAR(n) padding: PostgreSQL keeps it, MariaDB strips it; the core decides
    }
    String core = s.substring(0, end);
    String padding = s.substring(end);
    if (isCanonicalInteger(core)) {
      BigInteger v = new BigInteger(core);
      return maskInteger(v, ImitateUniqueMask.IntegerRange.DIGITS, key, inverse) + padding;
    }
    return maskPattern(core, key, inverse) + padding;
  }

  /**
   * Masks an integer: the same sign and digit count, a non-zero leading digit, inside {@code range}
   * (cycle-walking keeps a column type's bound, e.g. an INT's 2147483647, by permuting only the
   * integers below it).
   */
  static BigInteger maskInteger(BigInteger v, ImitateUniqueMask.IntegerRange range, UniqueKey key) {
    return maskInteger(v, range, key, false);
  }

  /**
   * {@link #maskInteger(BigInteger, ImitateUniqueMask.IntegerRange, UniqueKey)}, or its inverse.
   */
  static BigInteger maskInteger(
      BigInteger v, ImitateUniqueMask.IntegerRange range, UniqueKey key, boolean inverse) {
    boolean negative = v.signum() < 0;
    BigInteger magnitude = v.abs();
    int digits = magnitude.toString().length();
    BigInteger lo = digits == 1 ? (negative ? BigInteger.ONE : BigInteger.ZERO) : pow10(digits - 1);
    BigInteger hi = pow10(digits).subtract(BigInteger.ONE);
    BigInteger cap = negative ? (range.min() == null ? null : range.min().negate()) : range.max();
    if (cap != null && cap.compareTo(hi) < 0) {
      hi = cap;
    }
    if (magnitude.compareTo(hi) > 0) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          ImitateUniqueMask.NAME + " - an integer is outside the column type's range");
    }
    BigInteger size = hi.subtract(lo).add(BigInteger.ONE);
    KeyedPermutation p = key.permutation("int/" + (negative ? '-' : '+') + digits, size);
    BigInteger x = magnitude.subtract(lo);
    BigInteger out = lo.add(inverse ? p.predecessor(x) : p.successor(x));
    return negative ? out.negate() : out;
  }

  private static String maskPattern(String core, UniqueKey key, boolean inverse) {
    int[] cps = core.codePoints().toArray();
    int[] radix = new int[cps.length];
    boolean leadingZeroFixed = hasNonCanonicalLeadingZero(core);
    StringBuilder shape = new StringBuilder("text/");
    BigInteger index = BigInteger.ZERO;
    BigInteger size = BigInteger.ONE;
    boolean firstDigitSeen = false;
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (isAsciiLetter(cp)) {
        radix[i] = 26;
        shape.append('L');
        index = index.multiply(BigInteger.valueOf(26)).add(BigInteger.valueOf(letterValue(cp)));
      } else if (cp >= '0' && cp <= '9' && !(leadingZeroFixed && !firstDigitSeen)) {
        radix[i] = 10;
        shape.append('D');
        index = index.multiply(BigInteger.TEN).add(BigInteger.valueOf(cp - '0'));
      } else {
        radix[i] = LITERAL;
        shape.append('.');
      }
      if (cp >= '0' && cp <= '9') {
        firstDigitSeen = true;
      }
      if (radix[i] != LITERAL) {
        size = size.multiply(BigInteger.valueOf(radix[i]));
      }
    }
    if (size.equals(BigInteger.ONE)) {
      return core; // nothing to permute: no letter or digit
    }
    KeyedPermutation p = key.permutation(shape.toString(), size);
    BigInteger out = inverse ? p.predecessor(index) : p.successor(index);
    int[] result = cps.clone();
    for (int i = cps.length - 1; i >= 0; i--) {
      if (radix[i] == LITERAL) {
        continue;
      }
      BigInteger[] qr = out.divideAndRemainder(BigInteger.valueOf(radix[i]));
      out = qr[0];
      int d = qr[1].intValue();
      if (radix[i] == 10) {
        result[i] = '0' + d;
      } else {
        result[i] = (cps[i] >= 'a' ? 'a' : 'A') + d; // the original case, re-applied
      }
    }
    return new String(result, 0, result.length);
  }

  /**
   * True for the text Java's integers print: an optional '-', then digits with no leading zero
   * (except "0" itself). Such text takes the integer domain, so "123" and 123 mask alike.
   */
  static boolean isCanonicalInteger(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    int n = s.length() - start;
    if (n < 1) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    if (s.charAt(start) == '0') {
      return n == 1 && start == 0; // "0" is canonical, "-0" and "007" are not
    }
    return true;
  }

  /**
   * "007", "-05", "-0": all digits after an optional '-', yet not canonical. Their first '0' stays,
   * so their images keep a leading zero and never meet the integer domain's.
   */
  private static boolean hasNonCanonicalLeadingZero(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() - start < 1 || s.charAt(start) != '0') {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !isCanonicalInteger(s);
  }

  private static boolean isAsciiLetter(int cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
  }

  private static int letterValue(int cp) {
    return cp >= 'a' ? cp - 'a' : cp - 'A';
  }

  private static BigInteger pow10(int n) {
    return BigInteger.TEN.pow(n);
  }
}
