package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.secret.KeyedPermutation;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code imitate_nz_ird}: a keyed bijection of New Zealand IRD numbers (8 or 9 digits, the last a
 * modulus-11 check digit, in 10,000,000–150,000,000) that keeps them valid, keeps their digit count
 * and layout (hyphens, spaces), and maps numbers that are not valid IRD numbers among themselves,
 * so masked values never collide with each other nor equal their originals.
 */
public final class ImitateNzIrdMask extends UniqueBijection {
  public static final String NAME = "imitate_nz_ird";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "unique",
          "Replace a New Zealand IRD number with another valid one, keeping format and"
              + " uniqueness.",
          List.of(
              ParamSpec.optional(
                  "seed",
                  ParamType.SCALAR,
                  null,
                  "A namespace: different seeds map the same number differently.")),
          "type: imitate_nz_ird",
          args -> new ImitateNzIrdMask(UniqueKeys.seedOf(args)));

  private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};
  private static final int[] SECONDARY_WEIGHTS = {7, 4, 3, 2, 5, 2, 7, 6};
  private static final long MIN = 10_000_000L;
  private static final long MAX = 150_000_000L;

  ImitateNzIrdMask(String seed) {
    super(seed);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer) {
      long v = ((Number) value).longValue();
      String digits = Long.toString(v);
      if (v < 0 || (digits.length() != 8 && digits.length() != 9)) {
        throw notAnIrd();
      }
      return mask(v, digits.length(), ctx);
    }
    if (value instanceof String s) {
      if (s.isEmpty()) {
        return s;
      }
      StringBuilder digits = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          digits.append(c);
        } else if (c != '-' && c != ' ') {
          throw notAnIrd();
        }
      }
      if (digits.length() != 8 && digits.length() != 9) {
        throw notAnIrd();
      }
      long out = mask(Long.parseLong(digits.toString()), digits.length(), ctx);
      String outDigits = String.format("%0" + digits.length() + "d", out);
      StringBuilder result = new StringBuilder(s);
      int next = 0;
      for (int i = 0; i < result.length(); i++) {
        if (Character.isDigit(result.charAt(i))) {
          result.setCharAt(i, outDigits.charAt(next++)); // hyphens and spaces stay in place
        }
      }
      return result.toString();
    }
    throw new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME + " - cannot mask a " + value.getClass().getSimpleName() + " value");
  }

  /**
   * A valid number's base (all digits but the check digit) walks the keyed single cycle over the
   * bases that can be issued ({@code [1,000,000, 10,000,000)} for 8 digits, {@code [1,000,000,
   * 15,000,000)} for 9) until it meets one that has a check digit; any other number walks the cycle
   * over every number of its digit count until it meets another invalid one. Cycle-walking a single
   * cycle, restricted to a subset, is a single cycle of that subset: a bijection without fixed
   * point.
   */
  private long mask(long v, int length, MaskContext ctx) {
    dev.guise.secret.UniqueKey key = key(ctx);
    if (isValid(v)) {
      long lo = 1_000_000L;
      long hi = length == 8 ? 10_000_000L : 15_000_000L;
      KeyedPermutation p = key.permutation(NAME + "/valid/" + length, BigInteger.valueOf(hi - lo));
      BigInteger b = BigInteger.valueOf(v / 10 - lo);
      int check;
      do {
        b = p.successor(b);
        check = checkDigit(b.longValueExact() + lo);
      } while (check == 10);
      return (b.longValueExact() + lo) * 10 + check;
    }
    KeyedPermutation p = key.permutation(NAME + "/other/" + length, BigInteger.TEN.pow(length));
    BigInteger y = BigInteger.valueOf(v);
    do {
      y = p.successor(y);
    } while (isValid(y.longValueExact()));
    return y.longValueExact();
  }

  /** Inland Revenue's check: range, then modulus 11 with the primary or secondary weights. */
  static boolean isValid(long v) {
    return v >= MIN && v <= MAX && checkDigit(v / 10) == v % 10;
  }

  /** The check digit of an 8-digit base, or 10 when it has none. */
  static int checkDigit(long base) {
    int check = checkDigit(base, WEIGHTS);
    return check == 10 ? checkDigit(base, SECONDARY_WEIGHTS) : check;
  }

  private static int checkDigit(long base, int[] weights) {
    int sum = 0;
    for (int i = 7; i >= 0; i--) {
      sum += (int) (base % 10) * weights[i];
      base /= 10;
    }
    int r = sum % 11;
    return r == 0 ? 0 : 11 - r;
  }

  private static GuiseException notAnIrd() {
    return new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME
            + " - a value is not shaped like an IRD number (8 or 9 digits, optionally with"
            + " hyphens or spaces); mask such a column with imitate_unique instead");
  }
}
