package dev.guise.mask;

import dev.guise.secret.Rng;
import java.util.List;

/**
 * {@code social_security_number}: replaces a US Social Security number with a random valid one
 * (area 001-899 except 666, group 01-99, serial 0001-9999), never equal to the input. A text value
 * of nine digits keeps its layout (123-45-6789, 123 45 6789 or 123456789); other text becomes the
 * dashed form. A number column gets a number.
 */
public final class SocialSecurityNumberMask implements Mask {
  public static final String NAME = "social_security_number";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "data_pattern",
          "Replace a US Social Security number with a random valid one in the same layout.",
          List.of(),
          "type: social_security_number",
          SocialSecurityNumberMask::create);

  private static SocialSecurityNumberMask create(MaskArgs args) {
    return new SocialSecurityNumberMask();
  }

  private static final IdNumberLayout LAYOUT =
      new IdNumberLayout(
          NAME,
          "an SSN",
          9,
          SocialSecurityNumberMask::generate,
          g -> g.substring(0, 3) + "-" + g.substring(3, 5) + "-" + g.substring(5));

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return LAYOUT.apply(value, ctx.rng());
  }

  /** Nine digits of a valid SSN other than {@code avoid}. */
  static String generate(String avoid, Rng rng) {
    while (true) { // a repeat has odds of about one in 900 million per draw
      long area = rng.nextLongInclusive(1, 898);
      if (area >= 666) {
        area++; // skip 666: 1..665, 667..899
      }
      long group = rng.nextLongInclusive(1, 99);
      long serial = rng.nextLongInclusive(1, 9999);
      String out = String.format("%03d%02d%04d", area, group, serial);
      if (!out.equals(avoid)) {
        return out;
      }
    }
  }

  @Override
  public OutputShape shape() {
    return OutputShape.SAME;
  }
}
