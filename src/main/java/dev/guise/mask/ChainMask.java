package dev.guise.mask;

import java.util.List;

/** {@code chain}: applies nested masks in sequence, each to the previous one's output. */
public final class ChainMask implements Mask {
  public static final String NAME = "chain";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "combination",
          "Apply several masks in sequence, each to the previous one's output.",
          List.of(
              ParamSpec.required(
                  "masks", ParamType.MASKS, "Masks to apply in order; the first sees this value.")),
          "type: chain\nmasks:\n  - type: take_substring\n    end_index: 1\n"
              + "  - type: transform_case\n    transform: uppercase",
          ChainMask::create);

  private final Pipeline masks;

  ChainMask(Pipeline masks) {
    this.masks = masks;
  }

  private static ChainMask create(MaskArgs args) {
    Pipeline masks = args.pipeline("masks");
    if (masks.masks().isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "masks", "the list of masks is empty; give at least one mask");
    }
    return new ChainMask(masks);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return masks.apply(value, ctx);
  }

  @Override
  public OutputShape shape() {
    return masks.shape();
  }

  @Override
  public java.util.Set<String> columnsRead() {
    return masks.columnsRead();
  }
}
