package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.secret.Rng;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code credit_card}: replaces a card number (PAN) with a random one of the same length, keeping
 * every non-digit character (spaces, dashes) where it was. A generated number starts with a real
 * issuer prefix for its length (Visa, Mastercard, Amex, Discover, Diners, JCB) unless {@code
 * retain_prefix_length} keeps the input's first digits, ends in a valid Luhn check digit unless
 * {@code generate_luhn} is false, and never equals the input. {@code pan_format} then masks the
 * middle digits with {@code pan_character} the way PCI DSS displays a PAN: the first 6 and last 4
 * digits of a number of 13 or more digits stay visible (shorter ones show only their last quarter).
 */
public final class CreditCardMask implements Mask {
  public static final String NAME = "credit_card";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "data_pattern",
          "Replace a card number with a random Luhn-valid one of the same length and layout.",
          List.of(
              ParamSpec.optional(
                  "generate_card_number",
                  ParamType.BOOLEAN,
                  true,
                  "true replaces the digits with a random card number; false keeps them (use with"
                      + " pan_format)."),
              ParamSpec.optional(
                  "pan_format",
                  ParamType.BOOLEAN,
                  false,
                  "true masks the middle digits with pan_character, showing only the first 6 and"
                      + " last 4 (PCI DSS display format), e.g. 4111 11## #### 1234."),
              ParamSpec.optional(
                  "pan_character",
                  ParamType.STRING,
                  "#",
                  "The character that hides digits when pan_format is true; not a digit (default"
                      + " #, as in DataMasque)."),
              ParamSpec.optional(
                  "generate_luhn",
                  ParamType.BOOLEAN,
                  null,
                  "true makes the last digit a valid Luhn check digit; false makes it random."
                      + " Default: the opposite of pan_format (true without pan_format), as in"
                      + " DataMasque."),
              ParamSpec.optional(
                  "retain_prefix_length",
                  ParamType.INTEGER,
                  0L,
                  "Number of leading digits kept from the input, e.g. 6 to keep the issuer (BIN);"
                      + " 0 draws a realistic issuer prefix instead.")),
          "type: credit_card\nretain_prefix_length: 6",
          CreditCardMask::create);

  private final boolean generate;
  private final boolean panFormat;
  private final char panCharacter;
  private final boolean luhn;
  private final int retainPrefix;

  CreditCardMask(
      boolean generate, boolean panFormat, char panCharacter, boolean luhn, int retainPrefix) {
    this.generate = generate;
    this.panFormat = panFormat;
    this.panCharacter = panCharacter;
    this.luhn = luhn;
    this.retainPrefix = retainPrefix;
  }

  private static CreditCardMask create(MaskArgs args) {
    boolean generate = args.bool("generate_card_number", true);
    boolean pan = args.bool("pan_format", false);
    if (!generate && !pan) {
      throw new MaskArgs.InvalidArgument(
          "generate_card_number",
          "with generate_card_number and pan_format both false nothing would change; set one"
              + " to true");
    }
    String ch = args.has("pan_character") ? args.string("pan_character") : "#";
    if (ch.length() != 1 || Character.isDigit(ch.charAt(0))) {
      throw new MaskArgs.InvalidArgument(
          "pan_character", "'" + ch + "' must be one character that is not a digit, e.g. # or *");
    }
    long prefix = args.longValue("retain_prefix_length", 0);
    if (prefix < 0 || prefix > 19) {
      throw new MaskArgs.InvalidArgument(
          "retain_prefix_length", prefix + " is out of range; use 0 to 19 (6 keeps the BIN)");
    }
    return new CreditCardMask(
        generate, pan, ch.charAt(0), args.bool("generate_luhn", !pan), (int) prefix);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return mask(s, ctx.rng());
    }
    boolean number = value instanceof Long || value instanceof Integer;
    if (number || value instanceof BigDecimal d && d.scale() <= 0 && d.signum() >= 0) {
      if (panFormat) {
        throw new GuiseException(
            ErrorCode.RUN_FAILED,
            NAME + " - pan_format output is text, which a number column cannot hold; turn it off");
      }
      String digits = number ? value.toString() : ((BigDecimal) value).toBigInteger().toString();
      String out = mask(digits, ctx.rng());
      return number ? (Object) Long.parseLong(out) : new BigDecimal(out);
    }
    throw new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME
            + " - cannot mask a "
            + value.getClass().getSimpleName()
            + " value as a card number; use it on text or integer columns");
  }

  private String mask(String text, Rng rng) {
    char[] chars = text.toCharArray();
    int n = 0;
    for (char c : chars) {
      n += c >= '0' && c <= '9' ? 1 : 0;
    }
    if (n == 0) {
      return text;
    }
    int[] digits = new int[n];
    for (int i = 0, k = 0; i < chars.length; i++) {
      if (chars[i] >= '0' && chars[i] <= '9') {
        digits[k++] = chars[i] - '0';
      }
    }
    int[] out = generate ? generate(digits, rng) : digits;
    int keepFirst = n >= 13 ? 6 : 0;
    int keepLast = n >= 13 ? 4 : n / 4;
    for (int i = 0, k = 0; i < chars.length; i++) {
      if (chars[i] >= '0' && chars[i] <= '9') {
        boolean hide = panFormat && k >= keepFirst && k < n - keepLast;
        chars[i] = hide ? panCharacter : (char) ('0' + out[k]);
        k++;
      }
    }
    return new String(chars);
  }

  /** A random number of the same length as {@code in}, never equal to it. */
  private int[] generate(int[] in, Rng rng) {
    int n = in.length;
    int keep = Math.min(retainPrefix, n);
    int[] out = new int[n];
    System.arraycopy(in, 0, out, 0, keep);
    int from = keep;
    if (keep == 0) {
      String issuer = issuerPrefix(n, rng);
      for (int i = 0; i < issuer.length() && i < n; i++) {
        out[i] = issuer.charAt(i) - '0';
      }
      from = Math.min(issuer.length(), n);
    }
    int end = luhn ? n - 1 : n; // positions [from, end) are random
    for (int i = from; i < end; i++) {
      out[i] = rng.nextInt(10);
    }
    if (luhn && keep < n) {
      out[n - 1] = SetChecksumMask.luhn(out, n - 1);
    }
    if (java.util.Arrays.equals(out, in)) {
      // change one random digit after the prefix: that digit alone makes the output differ
      int free = end - from;
      if (free <= 0) {
        throw new GuiseException(
            ErrorCode.RUN_FAILED,
            NAME
                + " - retain_prefix_length "
                + retainPrefix
                + " leaves no digit to change in a "
                + n
                + "-digit number; lower retain_prefix_length");
      }
      int at = from + rng.nextInt(free);
      out[at] = (out[at] + 1 + rng.nextInt(9)) % 10;
      if (luhn) {
        out[n - 1] = SetChecksumMask.luhn(out, n - 1);
      }
    }
    return out;
  }

  /** A real issuer's leading digits for a number of {@code n} digits. */
  private static String issuerPrefix(int n, Rng rng) {
    return switch (n) {
      case 16 ->
          switch (rng.nextInt(6)) {
            case 0, 1 -> "4"; // Visa
            case 2 -> "5" + (1 + rng.nextInt(5)); // Mastercard 51-55
            case 3 -> Long.toString(rng.nextLongInclusive(2221, 2720)); // Mastercard 2-series
            case 4 -> "6011"; // Discover
            default -> Long.toString(rng.nextLongInclusive(3528, 3589)); // JCB
          };
      case 15 -> rng.nextBoolean() ? "34" : "37"; // American Express
      case 14 -> rng.nextBoolean() ? "36" : "38"; // Diners Club
      case 13, 19 -> "4"; // Visa
      default -> Integer.toString(1 + rng.nextInt(9));
    };
  }

  @Override
  public OutputShape shape() {
    return OutputShape.SAME;
  }

  @Override
  public boolean alwaysChanges() {
    return true;
  }
}
