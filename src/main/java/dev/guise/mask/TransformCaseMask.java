package dev.guise.mask;

import java.util.List;
import java.util.Locale;

/**
 * {@code transform_case}: changes the case of text the way Python's {@code str} methods do. Values
 * that are not text pass through unchanged (numbers and dates have no case).
 */
public final class TransformCaseMask implements Mask {
  public static final String NAME = "transform_case";

  /** The accepted {@code transform} values. */
  enum Transform {
    UPPERCASE,
    LOWERCASE,
    TITLE,
    CAPITALIZE
  }

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "string",
          "Change the case of text: uppercase, lowercase, title or capitalize.",
          List.of(
              ParamSpec.required(
                  "transform",
                  ParamType.STRING,
                  "uppercase | lowercase | title (first letter of every word upper, the rest"
                      + " lower) | capitalize (first character upper, the rest lower).")),
          "type: transform_case\ntransform: title",
          TransformCaseMask::create);

  private final Transform transform;

  TransformCaseMask(Transform transform) {
    this.transform = transform;
  }

  private static TransformCaseMask create(MaskArgs args) {
    String t = args.string("transform");
    for (Transform candidate : Transform.values()) {
      if (candidate.name().equalsIgnoreCase(t == null ? "" : t.strip())) {
        return new TransformCaseMask(candidate);
      }
    }
    throw new MaskArgs.InvalidArgument(
        "transform",
        "unknown transform '" + t + "'; use uppercase, lowercase, title or capitalize");
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (!(value instanceof String s)) {
      return value;
    }
    return switch (transform) {
      case UPPERCASE -> s.toUpperCase(Locale.ROOT);
      case LOWERCASE -> s.toLowerCase(Locale.ROOT);
      case TITLE -> title(s);
      case CAPITALIZE -> capitalize(s);
    };
  }

  /** Python's {@code str.title()}: a cased character after an uncased one starts a word. */
  private static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean previousCased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean cased =
          Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
      if (cased) {
        out.appendCodePoint(previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
      } else {
        out.appendCodePoint(cp);
      }
      previousCased = cased;
    }
    return out.toString();
  }

  /** Python's {@code str.capitalize()}: first character in title case, the rest lowercase. */
  private static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    int rest = Character.charCount(first);
    return new StringBuilder(s.length())
        .appendCodePoint(Character.toTitleCase(first))
        .append(s.substring(rest).toLowerCase(Locale.ROOT))
        .toString();
  }
}
