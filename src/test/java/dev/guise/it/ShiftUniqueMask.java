package dev.guise.it;

import dev.guise.mask.MaskContext;
import dev.guise.mask.MaskDefinition;
import dev.guise.mask.OutputShape;
import dev.guise.mask.UniqueMask;
import java.util.List;

/**
 * A test-only unique mask with a known answer, so the key path's tests can compute what every row
 * must hold: integers move up by 7; text keeps its letters and adds 7 to its trailing digits
 * (modulo their width). A bijection that collides with the existing keys (C0003 becomes C0010 while
 * C0010 exists), as a permutation of a real key does.
 */
final class ShiftUniqueMask implements UniqueMask {
  static final String NAME = "test_shift_unique";

  static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "test",
          "Test only: shifts a key by 7.",
          List.of(),
          "type: " + NAME,
          args -> new ShiftUniqueMask());

  @Override
  public Assignment assignment() {
    return Assignment.BIJECTION;
  }

  @Override
  public Object apply(Object input, MaskContext ctx) {
    return shift(input);
  }

  static Object shift(Object input) {
    if (input == null) {
      return null;
    }
    if (input instanceof Number n) {
      return n.longValue() + 7;
    }
    String s = input.toString();
    int i = s.length();
    while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
      i--;
    }
    int width = s.length() - i;
    long mod = (long) Math.pow(10, width);
    long n = (Long.parseLong(s.substring(i)) + 7) % mod;
    return s.substring(0, i) + String.format("%0" + width + "d", n);
  }

  @Override
  public OutputShape shape() {
    return OutputShape.SAME;
  }
}
