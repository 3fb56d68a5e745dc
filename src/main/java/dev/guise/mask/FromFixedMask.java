package dev.guise.mask;

import java.util.List;

/** {@code from_fixed}: replaces every value with one constant. */
public final class FromFixedMask implements Mask {
  public static final String NAME = "from_fixed";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "generic",
          "Replace the value with a fixed value.",
          List.of(ParamSpec.required("value", ParamType.ANY, "The value to write (null allowed).")),
          "type: from_fixed\nvalue: 'REDACTED'",
          args -> new FromFixedMask(args.raw("value")));

  private final Object value;

  FromFixedMask(Object value) {
    this.value = value;
  }

  @Override
  public Object apply(Object input, MaskContext ctx) {
    return value;
  }

  @Override
  public OutputShape shape() {
    return ShapeOf.constant(value);
  }
}
