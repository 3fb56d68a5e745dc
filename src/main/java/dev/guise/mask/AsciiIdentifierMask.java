package dev.guise.mask;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ascii_identifier}: turns text into a lower-case ASCII identifier, for the parts of emails
 * and usernames built from names: diacritics folded ({@code Rían} to {@code rian}), letters without
 * a decomposition spelled out ({@code ß} to {@code ss}), every run of other characters (spaces,
 * apostrophes, letters of other scripts) made one separator, and no separator at either end.
 */
public final class AsciiIdentifierMask implements Mask {
  public static final String NAME = "ascii_identifier";

  /** Latin letters that Unicode does not decompose into a base letter and a mark. */
  private static final Map<Character, String> SPELLED =
      Map.ofEntries(
          Map.entry('ß', "ss"),
          Map.entry('æ', "ae"),
          Map.entry('œ', "oe"),
          Map.entry('ø', "o"),
          Map.entry('đ', "d"),
          Map.entry('ð', "d"),
          Map.entry('ħ', "h"),
          Map.entry('ı', "i"),
          Map.entry('ł', "l"),
          Map.entry('þ', "th"));

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "string",
          "Make text a lower-case ASCII identifier: diacritics folded, other characters a"
              + " separator.",
          List.of(
              ParamSpec.optional(
                  "separator",
                  ParamType.STRING,
                  "",
                  "What replaces each run of spaces, punctuation and other non-ASCII characters:"
                      + " empty (the default) joins the parts; one of . _ - keeps them apart.")),
          "type: ascii_identifier\nseparator: ''",
          AsciiIdentifierMask::create);

  private final String separator;

  AsciiIdentifierMask(String separator) {
    this.separator = separator;
  }

  private static AsciiIdentifierMask create(MaskArgs args) {
    String s = args.string("separator");
    s = s == null ? "" : s;
    if (!s.matches("[._-]?")) {
      throw new MaskArgs.InvalidArgument(
          "separator",
          "'" + s + "' would not be valid in an email or username; use '', '.', '_' or '-'");
    }
    return new AsciiIdentifierMask(s);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return value instanceof String s ? identifier(s, separator) : value;
  }

  /** The identifier of {@code text}; empty when nothing of it is a Latin letter or a digit. */
  static String identifier(String text, String separator) {
    String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean pendingSeparator = false;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // the accent of a letter already written
      }
      String ascii = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? String.valueOf(c) : null;
      ascii = ascii == null ? SPELLED.get(c) : ascii;
      if (ascii == null) {
        pendingSeparator = true;
        continue;
      }
      if (pendingSeparator && out.length() > 0) {
        out.append(separator);
      }
      pendingSeparator = false;
      out.append(ascii);
    }
    return out.toString();
  }
}
