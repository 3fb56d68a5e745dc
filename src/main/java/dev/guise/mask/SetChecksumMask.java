package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code set_checksum}: recomputes the trailing check character of an identifier after other masks
 * changed its digits, so the result passes validation again. Only digits count; other characters
 * (spaces, dashes) are kept where they are. Types: {@code luhn} (card numbers, IMEI, many national
 * ids), {@code ean} (GTIN-8/12/13/14 and ISBN-13: weights 3 and 1 from the right) and {@code
 * isbn10} (mod 11, check character 0-9 or X).
 */
public final class SetChecksumMask implements Mask {
  public static final String NAME = "set_checksum";

  /** The supported algorithms. */
  enum Type {
    LUHN,
    EAN,
    ISBN10
  }

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "data_pattern",
          "Recompute the trailing check digit of an identifier (Luhn, EAN/ISBN-13 or ISBN-10).",
          List.of(
              ParamSpec.optional(
                  "checksum_type",
                  ParamType.STRING,
                  "luhn",
                  "luhn (card numbers, IMEI), ean (EAN/UPC/GTIN, ISBN-13) or isbn10 (mod 11, may"
                      + " end in X).")),
          "type: set_checksum\nchecksum_type: luhn",
          SetChecksumMask::create);

  private final Type type;

  SetChecksumMask(Type type) {
    this.type = type;
  }

  private static SetChecksumMask create(MaskArgs args) {
    String raw = args.has("checksum_type") ? args.string("checksum_type") : "luhn";
    for (Type t : Type.values()) {
      if (t.name().equals(raw.strip().toUpperCase(Locale.ROOT))) {
        return new SetChecksumMask(t);
      }
    }
    throw new MaskArgs.InvalidArgument(
        "checksum_type", "unknown checksum type '" + raw + "'; use luhn, ean or isbn10");
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer) {
      long v = ((Number) value).longValue();
      String out = fix(Long.toString(Math.abs(v)));
      if (!out.chars().allMatch(Character::isDigit)) {
        throw new GuiseException(
            ErrorCode.RUN_FAILED,
            NAME + " - an ISBN-10 needs the check character X, which a number column cannot hold");
      }
      long r = Long.parseLong(out);
      return v < 0 ? -r : r;
    }
    if (value instanceof BigDecimal d && d.scale() <= 0) {
      return new BigDecimal(fix(d.toBigInteger().toString()));
    }
    if (value instanceof String s) {
      return fix(s);
    }
    throw new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME
            + " - cannot set a check digit on a "
            + value.getClass().getSimpleName()
            + " value; use it on text or integer columns");
  }

  private String fix(String text) {
    char[] chars = text.toCharArray();
    int check = -1;
    for (int i = chars.length - 1; i >= 0; i--) {
      char c = chars[i];
      if (c >= '0' && c <= '9' || type == Type.ISBN10 && (c == 'X' || c == 'x')) {
        check = i;
        break;
      }
    }
    if (check < 0) {
      return text;
    }
    int count = 0;
    for (int i = 0; i < check; i++) {
      count += chars[i] >= '0' && chars[i] <= '9' ? 1 : 0;
    }
    if (count == 0) {
      return text;
    }
    int[] payload = new int[count];
    for (int i = 0, k = 0; i < check; i++) {
      if (chars[i] >= '0' && chars[i] <= '9') {
        payload[k++] = chars[i] - '0';
      }
    }
    chars[check] =
        switch (type) {
          case LUHN -> (char) ('0' + luhn(payload, payload.length));
          case EAN -> (char) ('0' + ean(payload));
          case ISBN10 -> isbn10(payload);
        };
    return new String(chars);
  }

  /** The Luhn check digit for the first {@code length} digits. */
  static int luhn(int[] digits, int length) {
    int sum = 0;
    boolean twice = true; // the digit next to the check digit is doubled
    for (int i = length - 1; i >= 0; i--) {
      int d = digits[i];
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }

  /** Whether a whole number (check digit last) passes the Luhn check. */
  public static boolean luhnValid(String digits) {
    int[] d = digits.chars().map(c -> c - '0').toArray();
    return d.length > 1 && luhn(d, d.length - 1) == d[d.length - 1];
  }

  static int ean(int[] digits) {
    int sum = 0;
    boolean three = true; // the digit next to the check digit weighs 3
    for (int i = digits.length - 1; i >= 0; i--) {
      sum += digits[i] * (three ? 3 : 1);
      three = !three;
    }
    return (10 - sum % 10) % 10;
  }

  /** ISBN-10: weights 10..2 on the first nine digits (fewer digits weigh from 2 up). */
  static char isbn10(int[] digits) {
    int sum = 0;
    int weight = 2;
    for (int i = digits.length - 1; i >= 0; i--) {
      sum += digits[i] * weight++;
    }
    int c = (11 - sum % 11) % 11;
    return c == 10 ? 'X' : (char) ('0' + c);
  }

  @Override
  public OutputShape shape() {
    return OutputShape.SAME;
  }
}
