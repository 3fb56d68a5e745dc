package dev.guise.discovery;

import java.util.regex.Pattern;

/** {@code *} and {@code ?} globs over names, e.g. {@code public.legacy_*}. */
final class Glob {
  private Glob() {}

  static Pattern toPattern(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }
}
