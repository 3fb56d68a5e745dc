package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.secret.Rng;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code numeric_bucket}: replaces a number with a random one from the same bucket, so grouped
 * statistics (age bands, salary bands) survive. {@code buckets} are ascending lower bounds: bucket
 * i holds [bound i, bound i+1). The last bucket ends at {@code max} (exclusive) when given; without
 * it values at or above the last bound become that bound (top-coding, like "65+"). Values at or
 * above {@code max} become the largest value below it, values below the first bound become the
 * first bound. The output keeps the input's type and decimal places: integers stay integers; text
 * holding a number stays text.
 */
public final class NumericBucketMask implements Mask {
  public static final String NAME = "numeric_bucket";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "numeric",
          "Replace a number with a random one from the same bucket (range between two bounds).",
          List.of(
              ParamSpec.required(
                  "buckets",
                  ParamType.LIST,
                  "Ascending lower bounds of the buckets, e.g. [0, 18, 30, 50, 65]: 18 to 29 is"
                      + " one bucket."),
              ParamSpec.optional(
                  "max",
                  ParamType.NUMBER,
                  null,
                  "Where the last bucket ends (exclusive); larger values become the largest value"
                      + " below it. Without max, values at or above the last bound become that"
                      + " bound. Values below the first bound always become the first bound.")),
          "type: numeric_bucket\nbuckets: [0, 18, 30, 50, 65]\nmax: 100",
          NumericBucketMask::create);

  private final List<BigDecimal> bounds; // ascending, with max appended when given
  private final boolean hasMax;

  NumericBucketMask(List<BigDecimal> bounds, boolean hasMax) {
    this.bounds = bounds;
    this.hasMax = hasMax;
  }

  private static NumericBucketMask create(MaskArgs args) {
    List<?> raw = args.list("buckets");
    if (raw.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "buckets", "the list of bounds is empty; give ascending lower bounds, e.g. [0, 18, 65]");
    }
    List<BigDecimal> bounds = new ArrayList<>();
    for (Object o : raw) {
      BigDecimal b;
      try {
        b = o instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(o).strip());
      } catch (NumberFormatException e) {
        throw new MaskArgs.InvalidArgument("buckets", "'" + o + "' is not a number");
      }
      if (!bounds.isEmpty() && b.compareTo(bounds.get(bounds.size() - 1)) <= 0) {
        throw new MaskArgs.InvalidArgument(
            "buckets",
            "the bounds must be strictly ascending; "
                + b
                + " follows "
                + bounds.get(bounds.size() - 1));
      }
      bounds.add(b);
    }
    BigDecimal max = args.decimal("max");
    if (max != null) {
      if (max.compareTo(bounds.get(bounds.size() - 1)) <= 0) {
        throw new MaskArgs.InvalidArgument(
            "max", "max (" + max + ") must be above the last bound; raise it");
      }
      bounds.add(max);
    }
    return new NumericBucketMask(List.copyOf(bounds), max != null);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer) {
      return pick(BigDecimal.valueOf(((Number) value).longValue()), ctx.rng()).longValueExact();
    }
    if (value instanceof BigDecimal d) {
      return pick(d, ctx.rng());
    }
    if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        return d;
      }
      return pick(BigDecimal.valueOf(d), ctx.rng()).doubleValue();
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return pick(new BigDecimal(s.strip()), ctx.rng()).toPlainString();
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME
            + " - cannot bucket a "
            + value.getClass().getSimpleName()
            + " value that is not a number; use it on numeric columns");
  }

  /** A random number with the input's scale in the input's bucket. */
  private BigDecimal pick(BigDecimal v, Rng rng) {
    int scale = Math.max(0, v.scale());
    int last = hasMax ? bounds.size() - 2 : bounds.size() - 1; // index of the last lower bound
    if (v.compareTo(bounds.get(0)) < 0) {
      return onGrid(bounds.get(0), scale, RoundingMode.CEILING);
    }
    int i = 0;
    while (i < last && bounds.get(i + 1).compareTo(v) <= 0) {
      i++;
    }
    if (i == last && !hasMax) {
      return onGrid(bounds.get(last), scale, RoundingMode.CEILING);
    }
    boolean aboveMax = i == last && v.compareTo(bounds.get(last + 1)) >= 0;
    // candidates lo..hi in steps of 10^-scale; v itself is one unless it lies above max
    BigInteger lo =
        bounds.get(i).movePointRight(scale).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    BigInteger hi =
        bounds
            .get(i + 1)
            .movePointRight(scale)
            .setScale(0, RoundingMode.CEILING)
            .toBigIntegerExact()
            .subtract(BigInteger.ONE);
    if (aboveMax || hi.compareTo(lo) < 0) {
      return new BigDecimal(hi.max(lo), scale); // the largest value below max
    }
    BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
    BigInteger offset;
    if (span.bitLength() < 63) {
      offset = BigInteger.valueOf(rng.nextLong(span.longValueExact()));
    } else {
      offset =
          new BigDecimal(span)
              .multiply(BigDecimal.valueOf(rng.nextDouble()))
              .setScale(0, RoundingMode.FLOOR)
              .toBigInteger();
    }
    return new BigDecimal(lo.add(offset), scale);
  }

  private static BigDecimal onGrid(BigDecimal bound, int scale, RoundingMode mode) {
    return bound.setScale(scale, mode);
  }

  @Override
  public OutputShape shape() {
    return OutputShape.SAME;
  }
}
