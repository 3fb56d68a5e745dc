package dev.guise.ruleset;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** One {@code skip} entry: a literal value, or {@code {matches: regex}} for text. */
public record SkipValue(Object value, Pattern matches) {
  public static SkipValue literal(Object value) {
    return new SkipValue(value, null);
  }

  public boolean skips(Object v) {
    if (matches != null) {
      return v instanceof String s && matches.matcher(s).matches();
    }
    if (value == null || v == null) {
      return value == null && v == null;
    }
    if (value instanceof Number a && v instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (value instanceof String s && !(v instanceof String)) {
      return s.equals(v.toString());
    }
    return Objects.equals(value, v);
  }
}
