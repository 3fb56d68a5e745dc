package dev.guise.ruleset;

import java.util.Locale;

/**
 * A column whose value seeds a rule's masks, so equal inputs give equal outputs anywhere.
 *
 * @param caseTransform {@code lower}, {@code upper} or null
 */
public record HashColumn(String column, String caseTransform, boolean trim) {
  public static HashColumn of(String column) {
    return new HashColumn(column, null, false);
  }

  /** Applies {@code trim} and {@code case_transform} to a text value before it is hashed. */
  public Object normalise(Object value) {
    if (!(value instanceof String s)) {
      return value;
    }
    String v = trim ? s.strip() : s;
    if ("lower".equals(caseTransform)) {
      v = v.toLowerCase(Locale.ROOT);
    } else if ("upper".equals(caseTransform)) {
      v = v.toUpperCase(Locale.ROOT);
    }
    return v;
  }
}
