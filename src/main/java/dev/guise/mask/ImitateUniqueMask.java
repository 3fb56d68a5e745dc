package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.secret.UniqueKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code imitate_unique}: a keyed, format-preserving bijection. ASCII letters stay letters of the
 * same case, digits stay digits, every other character stays where it is; integers stay integers of
 * the same sign and digit count. Equal inputs give equal outputs in every table and on every engine
 * (the key is the run key and the optional {@code seed}, nothing else), different inputs never
 * collide, and no value maps to itself when its domain has another element. Letters are permuted
 * case-folded and the original case re-applied, so outputs are also unique case-insensitively;
 * trailing spaces ({@code CHAR(n)} padding) are set aside before and put back after.
 */
public final class ImitateUniqueMask extends UniqueBijection {
  public static final String NAME = "imitate_unique";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "unique",
          "Replace letters and digits with others of the same class, keeping format and"
              + " uniqueness (a keyed bijection).",
          List.of(
              ParamSpec.optional(
                  "seed",
                  ParamType.SCALAR,
                  null,
                  "A namespace: columns masked with different seeds map the same value"
                      + " differently; the same seed (or none) maps it the same everywhere.")),
          "type: imitate_unique\nseed: customers",
          args -> new ImitateUniqueMask(UniqueKeys.seedOf(args)));

  /** The column type's range when bound; null: a 64-bit integer's for longs, digits alone else. */
  private final IntegerRange range;

  ImitateUniqueMask(String seed) {
    this(seed, null);
  }

  private ImitateUniqueMask(String seed, IntegerRange range) {
    super(seed);
    this.range = range;
  }

  /**
   * The same mask for an integer column whose type holds only {@code [min, max]} (an {@code INT}, a
   * {@code SMALLINT}): integer outputs then stay inside it. Without it, integers stay inside the
   * range of a 64-bit integer.
   */
  @Override
  public ImitateUniqueMask withIntegerRange(BigInteger min, BigInteger max) {
    return new ImitateUniqueMask(seed(), new IntegerRange(min, max));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null) {
      return null;
    }
    UniqueKey k = key(ctx);
    if (value instanceof String s) {
      return UniqueText.mask(s, k);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      BigInteger v = BigInteger.valueOf(((Number) value).longValue());
      return UniqueText.maskInteger(v, range == null ? IntegerRange.LONG : range, k)
          .longValueExact();
    }
    if (value instanceof BigInteger b) {
      return UniqueText.maskInteger(b, numericRange(), k);
    }
    if (value instanceof BigDecimal d) {
      if (d.scale() <= 0 || d.signum() == 0) {
        BigInteger v = d.toBigIntegerExact();
        return new BigDecimal(UniqueText.maskInteger(v, numericRange(), k))
            .setScale(Math.max(0, d.scale()));
      }
      // a fixed-scale decimal: permute its unscaled digits, keeping the scale
      return new BigDecimal(
          UniqueText.maskInteger(d.unscaledValue(), IntegerRange.DIGITS, k), d.scale());
    }
    throw new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME
            + " - cannot mask a "
            + value.getClass().getSimpleName()
            + " value; use it on text or integer columns, or typecast the value to string first");
  }

  private IntegerRange numericRange() {
    return range == null ? IntegerRange.DIGITS : range;
  }

  /**
   * The integers a column can hold.
   *
   * @param min the smallest value, or null when only the digit count bounds it
   */
  record IntegerRange(BigInteger min, BigInteger max) {
    static final IntegerRange LONG =
        new IntegerRange(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
    static final IntegerRange DIGITS = new IntegerRange(null, null);
  }

  @Override
  public boolean alwaysChanges() {
    return true;
  }
}
