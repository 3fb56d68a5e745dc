package dev.guise.mask;

import java.util.List;

/** {@code do_nothing}: returns the value unchanged (a placeholder, or to mark a column as safe). */
public final class DoNothingMask implements Mask {
  public static final String NAME = "do_nothing";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "transformation",
          "Leave the value unchanged.",
          List.of(),
          "type: do_nothing",
          args -> new DoNothingMask());

  DoNothingMask() {}

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return value;
  }
}
