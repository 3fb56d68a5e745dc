package dev.guise.mask;

import java.util.List;

/**
 * {@code take_substring}: keeps part of the text, with Python slice semantics ({@code
 * value[start:end]}): indexes count characters (code points, so a surrogate pair is never split),
 * negative indexes count from the end, and out-of-range indexes are clamped. Non-text values are
 * first rendered as text (numbers in plain notation, dates in ISO-8601).
 */
public final class TakeSubstringMask implements Mask {
  public static final String NAME = "take_substring";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "string",
          "Keep the characters from start_index up to (not including) end_index.",
          List.of(
              ParamSpec.optional(
                  "start_index",
                  ParamType.INTEGER,
                  0L,
                  "First character to keep, from 0; negative counts from the end."),
              ParamSpec.optional(
                  "end_index",
                  ParamType.INTEGER,
                  null,
                  "Character after the last one kept; negative counts from the end. Default:"
                      + " the end of the text.")),
          "type: take_substring\nstart_index: 0\nend_index: 3",
          TakeSubstringMask::create);

  private final long start;
  private final Long end;

  TakeSubstringMask(long start, Long end) {
    this.start = start;
    this.end = end;
  }

  private static TakeSubstringMask create(MaskArgs args) {
    long start = args.longValue("start_index", 0);
    Long end = args.has("end_index") ? args.longValue("end_index", 0) : null;
    return new TakeSubstringMask(start, end);
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
      return "";
    }
    int begin = text.offsetByCodePoints(0, (int) from);
    int stop = text.offsetByCodePoints(begin, (int) (to - from));
    return text.substring(begin, stop);
  }

  private static long clamp(long index, int n) {
    if (index < 0) {
      return Math.max(0, n + index);
    }
    return Math.min(index, n);
  }

  @Override
  public OutputShape shape() {
    long max = -1;
    if (end != null) {
      if (start >= 0 && end >= 0) {
        max = Math.max(0, end - start);
      } else if (start < 0 && end < 0) {
        max = Math.max(0, end - start);
      } else if (end >= 0) { // negative start: at most end characters
        max = end;
      }
      // start >= 0 with a negative end depends on the length
    } else if (start < 0) {
      max = -start;
    }
    return OutputShape.text((int) Math.min(Integer.MAX_VALUE, max));
  }
}
