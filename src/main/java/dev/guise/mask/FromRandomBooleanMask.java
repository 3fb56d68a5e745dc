package dev.guise.mask;

import java.util.List;

/** {@code from_random_boolean}: true or false with equal probability. */
public final class FromRandomBooleanMask implements Mask {
  public static final String NAME = "from_random_boolean";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "numeric",
          "Replace the value with true or false, each with probability 1/2.",
          List.of(),
          "type: from_random_boolean",
          args -> new FromRandomBooleanMask());

  FromRandomBooleanMask() {}

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return ctx.rng().nextBoolean();
  }

  @Override
  public OutputShape shape() {
    return OutputShape.of(OutputShape.Kind.BOOLEAN);
  }
}
