package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.secret.UniqueKey;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

/**
 * {@code imitate_uuid}: a keyed bijection of UUIDs that keeps the version nibble and the variant
 * bits and permutes the other 122 bits (121 for the Microsoft and reserved variants, whose variant
 * field has three bits). Text keeps its layout: hyphens or none, braces or none, upper or lower
 * case; {@link UUID} values stay UUIDs. Keyed by the run key and {@code seed} only, like {@code
 * imitate_unique}, and no UUID maps to itself.
 */
public final class ImitateUuidMask extends UniqueBijection {
  public static final String NAME = "imitate_uuid";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "unique",
          "Replace a UUID (GUID) with another, keeping its version, variant and layout, uniquely.",
          List.of(
              ParamSpec.optional(
                  "seed",
                  ParamType.SCALAR,
                  null,
                  "A namespace: different seeds map the same UUID differently.")),
          "type: imitate_uuid",
          args -> new ImitateUuidMask(UniqueKeys.seedOf(args)));

  private static final BigInteger MASK_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  ImitateUuidMask(String seed) {
    super(seed);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null) {
      return null;
    }
    if (value instanceof UUID u) {
      return mask(u, key(ctx));
    }
    if (value instanceof String s) {
      return maskText(s, key(ctx));
    }
    throw new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME
            + " - cannot mask a "
            + value.getClass().getSimpleName()
            + " value; use it on UUID or text columns");
  }

  private String maskText(String s, UniqueKey k) {
    if (s.isEmpty()) {
      return s;
    }
    String body = s;
    boolean braces = body.length() >= 2 && body.startsWith("{") && body.endsWith("}");
    if (braces) {
      body = body.substring(1, body.length() - 1);
    }
    boolean hyphens = body.length() == 36;
    String hex = hyphens ? hyphenated(body) : body;
    if (hex == null || hex.length() != 32 || !isHex(hex)) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - a value is not a UUID (32 hex digits, optionally hyphenated 8-4-4-4-12 and in"
              + " braces); mask such a column with imitate_unique instead");
    }
    boolean upper =
        hex.chars().anyMatch(c -> c >= 'A' && c <= 'F')
            && hex.chars().noneMatch(c -> c >= 'a' && c <= 'f');
    UUID in =
        new UUID(
            Long.parseUnsignedLong(hex.substring(0, 16), 16),
            Long.parseUnsignedLong(hex.substring(16), 16));
    String out = mask(in, k).toString();
    if (!hyphens) {
      out = out.replace("-", "");
    }
    if (upper) {
      out = out.toUpperCase(java.util.Locale.ROOT);
    }
    return braces ? "{" + out + "}" : out;
  }

  /** The 32 hex digits of an 8-4-4-4-12 UUID, or null when the hyphens are elsewhere. */
  private static String hyphenated(String body) {
    for (int i : new int[] {8, 13, 18, 23}) {
      if (body.charAt(i) != '-') {
        return null;
      }
    }
    return body.replace("-", "");
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits the 128 bits into kept ones (version: bits 76-79 from the right; variant: bits 62-63,
   * and 61 when those are 11) and free ones, permutes the free ones as one number, and puts the
   * kept bits back.
   */
  static UUID mask(UUID u, UniqueKey k) {
    BigInteger all =
        BigInteger.valueOf(u.getMostSignificantBits())
            .and(MASK_64)
            .shiftLeft(64)
            .or(BigInteger.valueOf(u.getLeastSignificantBits()).and(MASK_64));
    boolean wideVariant = all.testBit(63) && all.testBit(62);
    int[] kept =
        wideVariant ? new int[] {79, 78, 77, 76, 63, 62, 61} : new int[] {79, 78, 77, 76, 63, 62};
    BigInteger free = BigInteger.ZERO;
    int freeBits = 0;
    for (int bit = 127; bit >= 0; bit--) {
      if (!contains(kept, bit)) {
        free = free.shiftLeft(1).or(all.testBit(bit) ? BigInteger.ONE : BigInteger.ZERO);
        freeBits++;
      }
    }
    BigInteger size = BigInteger.ONE.shiftLeft(freeBits);
    BigInteger masked = k.permutation("uuid/" + freeBits, size).successor(free);
    BigInteger out = BigInteger.ZERO;
    int next = freeBits - 1;
    for (int bit = 127; bit >= 0; bit--) {
      boolean set = contains(kept, bit) ? all.testBit(bit) : masked.testBit(next--);
      if (set) {
        out = out.setBit(bit);
      }
    }
    return new UUID(out.shiftRight(64).longValue(), out.longValue());
  }

  private static boolean contains(int[] bits, int bit) {
    for (int b : bits) {
      if (b == bit) {
        return true;
      }
    }
    return false;
  }
}
