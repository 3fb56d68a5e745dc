package dev.guise.mask;

import java.util.List;

/** {@code from_format_string}: generates text from a format string. */
public final class FromFormatStringMask implements Mask {
  public static final String NAME = "from_format_string";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "generic",
          "Replace the value with random text following a format string.",
          List.of(
              ParamSpec.required(
                      "value_format",
                      ParamType.STRING,
                      "Literal text with placeholders {[CLASS],N} or {[CLASS],MIN-MAX}, e.g."
                          + " '{[A-Z],3}-{[0-9],4}'; '{{' and '}}' are literal braces.")
                  .withAliases("format")),
          "type: from_format_string\nvalue_format: '+1-{[0-9],3}-{[0-9],4}'",
          FromFormatStringMask::create);

  private final FormatString format;

  FromFormatStringMask(FormatString format) {
    this.format = format;
  }

  private static FromFormatStringMask create(MaskArgs args) {
    String param = args.has("value_format") ? "value_format" : "format";
    String text = args.string(param);
    if (text == null) {
      throw new MaskArgs.InvalidArgument(
          "value_format", "no format given; write e.g. value_format: '{[A-Z],3}'");
    }
    try {
      return new FromFormatStringMask(FormatString.parse(text));
    } catch (IllegalArgumentException e) {
      throw new MaskArgs.InvalidArgument(param, e.getMessage());
    }
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return format.generate(ctx.rng());
  }

  @Override
  public OutputShape shape() {
    return OutputShape.text(format.maxLength());
  }

  public FormatString format() {
    return format;
  }
}
