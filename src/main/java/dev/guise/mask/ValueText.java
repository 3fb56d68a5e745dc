package dev.guise.mask;

import dev.guise.value.Conversions;

/**
 * The text form of a value wherever a mask needs one (concatenation, substrings, regex replacement,
 * typecast to string): {@link Conversions#toText}, the form write-back stores in a text column too.
 */
final class ValueText {
  private ValueText() {}

  static String of(Object value) {
    return value == null ? null : Conversions.toText(value);
  }

  /** Length in characters (code points), the unit column lengths are declared in. */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
