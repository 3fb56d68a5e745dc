package dev.guise.mask;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code from_random_number}: a random number in [min, max] with a fixed number of decimal places,
 * uniform or (with {@code mode}) triangular. Bounds that are not multiples of the precision are
 * rounded inwards.
 */
public final class FromRandomNumberMask implements Mask {
  public static final String NAME = "from_random_number";
  static final int MAX_DECIMAL_PLACES = 18;

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "numeric",
          "Replace the value with a random number between min and max (inclusive).",
          List.of(
              ParamSpec.optional("min", ParamType.NUMBER, 0L, "Smallest value (default 0)."),
              ParamSpec.required(
                  "max", ParamType.NUMBER, "Largest value; required, as in DataMasque."),
              ParamSpec.optional(
                  "mode",
                  ParamType.NUMBER,
                  null,
                  "Most likely value: draws follow a triangular distribution peaking here"
                      + " (default: none, uniform)."),
              ParamSpec.optional(
                  "decimal_places",
                  ParamType.INTEGER,
                  0L,
                  "Digits after the decimal point, 0 to 18 (default 0: whole numbers, written as"
                      + " integers).")),
          "type: from_random_number\nmin: 18\nmax: 99\nmode: 35",
          FromRandomNumberMask::create);

  private final long low; // in units of 10^-decimalPlaces
  private final long high;
  private final Double mode; // in the same units; null for uniform
  private final int decimalPlaces;

  FromRandomNumberMask(long low, long high, Double mode, int decimalPlaces) {
    this.low = low;
    this.high = high;
    this.mode = mode;
    this.decimalPlaces = decimalPlaces;
  }

  private static FromRandomNumberMask create(MaskArgs args) {
    BigDecimal min = args.has("min") ? args.decimal("min") : BigDecimal.ZERO;
    BigDecimal max = args.decimal("max");
    long places = args.longValue("decimal_places", 0);
    if (places < 0 || places > MAX_DECIMAL_PLACES) {
      throw new MaskArgs.InvalidArgument(
          "decimal_places", "decimal_places is " + places + "; use 0 to " + MAX_DECIMAL_PLACES);
    }
    int dp = (int) places;
    if (max.compareTo(min) < 0) {
      throw new MaskArgs.InvalidArgument(
          "max",
          "max ("
              + max.toPlainString()
              + ") is less than min ("
              + min.toPlainString()
              + "); make max at least min");
    }
    BigInteger lo = min.setScale(dp, RoundingMode.CEILING).unscaledValue();
    BigInteger hi = max.setScale(dp, RoundingMode.FLOOR).unscaledValue();
    if (lo.compareTo(hi) > 0) {
      throw new MaskArgs.InvalidArgument(
          "decimal_places",
          "no number with "
              + dp
              + " decimal places lies between min and max; widen the range or add decimal places");
    }
    if (lo.bitLength() > 63 || hi.bitLength() > 63) {
      throw new MaskArgs.InvalidArgument(
          "max",
          "min and max are too large for "
              + dp
              + " decimal places; keep them within ±9.2e18 / 10^decimal_places");
    }
    Double mode = null;
    if (args.has("mode")) {
      BigDecimal m = args.decimal("mode");
      if (m.compareTo(min) < 0 || m.compareTo(max) > 0) {
        throw new MaskArgs.InvalidArgument(
            "mode",
            "mode ("
                + m.toPlainString()
                + ") is outside min..max; choose a mode between min and max");
      }
      mode = m.movePointRight(dp).doubleValue();
    }
    return new FromRandomNumberMask(lo.longValueExact(), hi.longValueExact(), mode, dp);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    long units;
    if (low == high) {
      units = low;
    } else if (mode == null) {
      units = ctx.rng().nextLongInclusive(low, high);
    } else {
      units = triangular(ctx.rng().nextDouble());
    }
    return decimalPlaces == 0 ? (Object) units : BigDecimal.valueOf(units, decimalPlaces);
  }

  // inverse CDF of the triangular distribution on [low, high] peaking at mode
  private long triangular(double u) {
    double a = low;
    double b = high;
    double c = mode;
    double x;
    if (u < (c - a) / (b - a)) {
      x = a + Math.sqrt(u * (b - a) * (c - a));
    } else {
      x = b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    long rounded = Math.round(x);
    return Math.max(low, Math.min(high, rounded));
  }

  @Override
  public OutputShape shape() {
    if (decimalPlaces == 0) {
      int len = Math.max(Long.toString(low).length(), Long.toString(high).length());
      return new OutputShape(OutputShape.Kind.INTEGER, len);
    }
    int len =
        Math.max(
            BigDecimal.valueOf(low, decimalPlaces).toPlainString().length(),
            BigDecimal.valueOf(high, decimalPlaces).toPlainString().length());
    return new OutputShape(OutputShape.Kind.DECIMAL, len);
  }
}
