package dev.guise.mask;

import java.util.List;
import java.util.Set;

/**
 * {@code replace_substring}: applies a nested pipeline to part of the text, from {@code
 * start_index} up to (not including) {@code end_index}, and puts its output in that part's place.
 * Indexes follow {@code take_substring}: characters (code points) from 0, negative ones counting
 * from the end, out-of-range ones clamped. When the range is empty the text is returned unchanged.
 * Non-text values are rendered as text first (numbers in plain notation, dates in ISO-8601).
 */
public final class ReplaceSubstringMask implements Mask {
  public static final String NAME = "replace_substring";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "string",
          "Mask part of the text (start_index to end_index) with nested masks, keeping the rest.",
          List.of(
              ParamSpec.optional(
                  "start_index",
                  ParamType.INTEGER,
                  0L,
                  "First character replaced, from 0; negative counts from the end."),
              ParamSpec.optional(
                  "end_index",
                  ParamType.INTEGER,
                  null,
                  "Character after the last one replaced; negative counts from the end. Default:"
                      + " the end of the text."),
              ParamSpec.required(
                  "masks",
                  ParamType.MASKS,
                  "Masks applied to the selected part; their output (as text) replaces it.")),
          "type: replace_substring\nstart_index: 0\nend_index: -4\nmasks:\n" + "  - type: imitate",
          ReplaceSubstringMask::create);

  private final long start;
  private final Long end;
  private final Pipeline masks;

  ReplaceSubstringMask(long start, Long end, Pipeline masks) {
    this.start = start;
    this.end = end;
    this.masks = masks;
  }

  private static ReplaceSubstringMask create(MaskArgs args) {
    Pipeline masks = args.pipeline("masks");
    if (masks.masks().isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "masks", "the list of masks is empty; give at least one mask");
    }
    long start = args.longValue("start_index", 0);
    Long end = args.has("end_index") ? args.longValue("end_index", 0) : null;
    return new ReplaceSubstringMask(start, end, masks);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    String text = ValueText.of(value);
    if (text == null) {
      return null;
    }
    int n = ValueText.length(text);
    long from = clamp(start, n);
    long to = end == null ? n : clamp(end, n);
    if (to <= from) {
      return text;
    }
    int begin = text.offsetByCodePoints(0, (int) from);
    int stop = text.offsetByCodePoints(begin, (int) (to - from));
    Object masked = masks.apply(text.substring(begin, stop), ctx);
    return text.substring(0, begin)
        + (masked == null ? "" : ValueText.of(masked))
        + text.substring(stop);
  }

  private static long clamp(long index, int n) {
    return index < 0 ? Math.max(0, n + index) : Math.min(index, n);
  }

  @Override
  public OutputShape shape() {
    return OutputShape.text(-1);
  }

  @Override
  public Set<String> columnsRead() {
    return masks.columnsRead();
  }
}
