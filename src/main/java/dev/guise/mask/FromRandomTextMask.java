package dev.guise.mask;

import java.util.List;

/** {@code from_random_text}: generates random letters. */
public final class FromRandomTextMask implements Mask {
  public static final String NAME = "from_random_text";
  static final int MAX_LENGTH = 65_535;
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "string",
          "Replace the value with random ASCII letters (A-Z, a-z) of a random length.",
          List.of(
              ParamSpec.optional(
                  "min", ParamType.INTEGER, 1L, "Shortest length, in characters (default 1)."),
              ParamSpec.required(
                  "max", ParamType.INTEGER, "Longest length, in characters (at most 65535).")),
          "type: from_random_text\nmin: 5\nmax: 12",
          FromRandomTextMask::create);

  private final int min;
  private final int max;

  FromRandomTextMask(int min, int max) {
    this.min = min;
    this.max = max;
  }

  private static FromRandomTextMask create(MaskArgs args) {
    long min = args.longValue("min", 1);
    long max = args.longValue("max", min);
    if (min < 0) {
      throw new MaskArgs.InvalidArgument("min", "min is " + min + "; use 0 or more");
    }
    if (max > MAX_LENGTH) {
      throw new MaskArgs.InvalidArgument(
          "max", "max is " + max + "; use at most " + MAX_LENGTH + " characters");
    }
    if (max < min) {
      throw new MaskArgs.InvalidArgument(
          "max", "max (" + max + ") is less than min (" + min + "); make max at least min");
    }
    return new FromRandomTextMask((int) min, (int) max);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    int length = min == max ? min : (int) ctx.rng().nextLongInclusive(min, max);
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = LETTERS.charAt(ctx.rng().nextInt(LETTERS.length()));
    }
    return new String(out);
  }

  @Override
  public OutputShape shape() {
    return OutputShape.text(max);
  }
}
