package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * {@code from_unique}: gives each distinct value of a column a different text from a format string.
 * The key path numbers the column's distinct values and asks {@link #valueAt} for the n-th one: the
 * format's output space enumerated ({@link FormatString#at}) at a keyed permutation of n, so the
 * outputs do not look sequential. It needs the whole column, so it is the only mask of its rule and
 * is never applied value by value.
 */
public final class FromUniqueMask implements UniqueMask {
  public static final String NAME = "from_unique";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "unique",
          "Give every distinct value a different text drawn from a format string.",
          List.of(
              ParamSpec.required(
                  "format",
                  ParamType.STRING,
                  "Literal text with placeholders {[CLASS],N}, e.g. '{[A-Z],3}{[0-9],3}'; at most"
                      + " one placeholder may have a length range {[CLASS],MIN-MAX}.")),
          "type: from_unique\nformat: '{[A-Z],3}{[0-9],3}'",
          FromUniqueMask::create);

  private final FormatString format;
  private final BigInteger space;
  private final UniqueKeys keys = new UniqueKeys("");

  FromUniqueMask(FormatString format) {
    this.format = format;
    this.space = format.outputSpace();
  }

  private static FromUniqueMask create(MaskArgs args) {
    String text = args.string("format");
    if (text == null) {
      throw new MaskArgs.InvalidArgument(
          "format", "no format given; write e.g. format: '{[A-Z],3}'");
    }
    FormatString f;
    try {
      f = FormatString.parse(text);
    } catch (IllegalArgumentException e) {
      throw new MaskArgs.InvalidArgument("format", e.getMessage());
    }
    if (f.variablePlaceholders() > 1) {
      throw new MaskArgs.InvalidArgument(
          "format",
          "'"
              + text
              + "' has "
              + f.variablePlaceholders()
              + " placeholders with a length range; from_unique allows at most one (two could"
              + " spell the same text two ways); give the others one length, e.g. {[A-Z],3}");
    }
    return new FromUniqueMask(f);
  }

  @Override
  public Assignment assignment() {
    return Assignment.BY_ORDINAL;
  }

  @Override
  public Optional<BigInteger> space() {
    return Optional.of(space);
  }

  @Override
  public Object valueAt(BigInteger ordinal, MaskContext ctx) {
    if (ordinal.signum() < 0 || ordinal.compareTo(space) >= 0) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - the format '"
              + format
              + "' has "
              + space
              + " distinct values, too few for the column's distinct values; widen the format");
    }
    return format.at(
        keys.forRun(ctx.key()).permutation(NAME + "/" + format, space).forward(ordinal));
  }

  /** Never called for a valid ruleset: the key path assigns the values ({@link #valueAt}). */
  @Override
  public Object apply(Object value, MaskContext ctx) {
    throw new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME
            + " - gives values over the whole column, so it runs on the key path only; make it"
            + " the only mask of its rule");
  }

  @Override
  public OutputShape shape() {
    return OutputShape.text(format.maxLength());
  }

  /**
   * The largest number the format gives when all its outputs are digits of one length (so an
   * integer key can take them: distinct texts are distinct numbers); else empty.
   */
  public Optional<BigInteger> largestNumber() {
    return format.fixedLengthDigits()
        ? Optional.of(BigInteger.TEN.pow(format.maxLength()).subtract(BigInteger.ONE))
        : Optional.empty();
  }

  public FormatString format() {
    return format;
  }
}
