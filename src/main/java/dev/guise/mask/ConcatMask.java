package dev.guise.mask;

import java.util.List;

/**
 * {@code concat}: applies each nested mask to the original value and joins their outputs, as text,
 * with {@code glue}. A null output contributes nothing.
 */
public final class ConcatMask implements Mask {
  public static final String NAME = "concat";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "combination",
          "Join the outputs of several masks, each applied to the original value.",
          List.of(
              ParamSpec.required(
                  "masks",
                  ParamType.MASKS,
                  "Masks whose outputs are joined; each sees the original value."),
              ParamSpec.optional(
                  "glue", ParamType.STRING, "", "Text placed between outputs (default empty).")),
          "type: concat\nglue: ' '\nmasks:\n  - type: from_column\n    source_column: first_name\n"
              + "  - type: from_column\n    source_column: last_name",
          ConcatMask::create);

  private final Pipeline masks;
  private final String glue;

  ConcatMask(Pipeline masks, String glue) {
    this.masks = masks;
    this.glue = glue;
  }

  private static ConcatMask create(MaskArgs args) {
    Pipeline masks = args.pipeline("masks");
    if (masks.masks().isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "masks", "the list of masks is empty; give at least one mask");
    }
    String glue = args.has("glue") ? args.string("glue") : "";
    return new ConcatMask(masks, glue);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (BuiltMask m : masks.masks()) {
      if (!first) {
        out.append(glue);
      }
      first = false;
      Object part = m.apply(value, ctx);
      if (part != null) {
        out.append(ValueText.of(part));
      }
    }
    return out.toString();
  }

  @Override
  public OutputShape shape() {
    long total = (long) ValueText.length(glue) * (masks.masks().size() - 1);
    for (BuiltMask m : masks.masks()) {
      OutputShape s = m.mask().shape();
      if (s.maxLength() < 0 || s.kind() == OutputShape.Kind.SAME) {
        return OutputShape.text(-1);
      }
      total += s.maxLength();
    }
    return OutputShape.text((int) Math.min(Integer.MAX_VALUE, total));
  }

  @Override
  public java.util.Set<String> columnsRead() {
    return masks.columnsRead();
  }
}
