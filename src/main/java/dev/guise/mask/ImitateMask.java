package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.secret.Rng;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code imitate}: replaces each ASCII uppercase letter, lowercase letter and digit with a random
 * one of the same class and keeps every other character (punctuation, spaces, accented and other
 * non-ASCII characters). Numbers stay numbers of the same sign, length and scale.
 */
public final class ImitateMask implements Mask {
  public static final String NAME = "imitate";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "string",
          "Replace letters and digits with random ones of the same class, keeping everything else.",
          List.of(
              ParamSpec.optional(
                  "force_change",
                  ParamType.BOOLEAN,
                  false,
                  "Guarantee the output differs from the input whenever the input has a"
                      + " character to replace."),
              ParamSpec.optional(
                  "uppercase", ParamType.BOOLEAN, true, "Replace uppercase letters A-Z."),
              ParamSpec.optional(
                  "lowercase", ParamType.BOOLEAN, true, "Replace lowercase letters a-z."),
              ParamSpec.optional("digits", ParamType.BOOLEAN, true, "Replace digits 0-9.")),
          "type: imitate\nforce_change: true",
          ImitateMask::create);

  private static final int[] UPPER = range('A', 'Z');
  private static final int[] LOWER = range('a', 'z');
  private static final int[] DIGITS = range('0', '9');
  private static final int[] NONZERO_DIGITS = range('1', '9');

  private final boolean forceChange;
  private final boolean uppercase;
  private final boolean lowercase;
  private final boolean digits;

  ImitateMask(boolean forceChange, boolean uppercase, boolean lowercase, boolean digits) {
    this.forceChange = forceChange;
    this.uppercase = uppercase;
    this.lowercase = lowercase;
    this.digits = digits;
  }

  private static ImitateMask create(MaskArgs args) {
    return new ImitateMask(
        args.bool("force_change", false),
        args.bool("uppercase", true),
        args.bool("lowercase", true),
        args.bool("digits", true));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return imitate(s, false, ctx.rng());
    }
    if (value instanceof Long || value instanceof Integer) {
      return Long.parseLong(imitate(value.toString(), true, ctx.rng()));
    }
    if (value instanceof BigDecimal d) {
      return new BigDecimal(imitate(d.toPlainString(), true, ctx.rng()));
    }
    if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        return d;
      }
      return Double.parseDouble(imitate(BigDecimal.valueOf(d).toPlainString(), true, ctx.rng()));
    }
    throw new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME
            + " - cannot imitate a "
            + value.getClass().getSimpleName()
            + " value; use it on text or numbers, or typecast the value to string first");
  }

  /**
   * @param numeric the text is a plain-notation number: the first digit of a multi-digit integer
   *     part is never 0, so the number keeps its length
   */
  private String imitate(String input, boolean numeric, Rng rng) {
    int[] cps = input.codePoints().toArray();
    int[][] classOf = new int[cps.length][];
    int replaceable = 0;
    for (int i = 0; i < cps.length; i++) {
      int[] alphabet = alphabet(cps[i]);
      if (alphabet == DIGITS && numeric && isLeadingDigit(cps, i)) {
        alphabet = NONZERO_DIGITS;
      }
      classOf[i] = alphabet;
      if (alphabet != null) {
        replaceable++;
      }
    }
    if (replaceable == 0) {
      return input;
    }
    int[] out = cps.clone();
    boolean changed = false;
    for (int i = 0; i < cps.length; i++) {
      if (classOf[i] != null) {
        out[i] = classOf[i][rng.nextInt(classOf[i].length)];
        changed |= out[i] != cps[i];
      }
    }
    if (forceChange && !changed) {
      // change one replaceable character to a different one of its class
      int target = rng.nextInt(replaceable);
      for (int i = 0; i < cps.length; i++) {
        if (classOf[i] != null && target-- == 0) {
          int[] alphabet = classOf[i];
          int original = indexOf(alphabet, cps[i]);
          int pick = rng.nextInt(alphabet.length - 1);
          out[i] = alphabet[pick < original ? pick : pick + 1];
          break;
        }
      }
    }
    return new String(out, 0, out.length);
  }

  private int[] alphabet(int cp) {
    if (uppercase && cp >= 'A' && cp <= 'Z') {
      return UPPER;
    }
    if (lowercase && cp >= 'a' && cp <= 'z') {
      return LOWER;
    }
    if (digits && cp >= '0' && cp <= '9') {
      return DIGITS;
    }
    return null;
  }

  private static boolean isLeadingDigit(int[] cps, int i) {
    boolean first = i == 0 || cps[i - 1] == '-' || cps[i - 1] == '+';
    boolean followedByDigit = i + 1 < cps.length && cps[i + 1] >= '0' && cps[i + 1] <= '9';
    return first && followedByDigit;
  }

  private static int indexOf(int[] alphabet, int cp) {
    for (int i = 0; i < alphabet.length; i++) {
      if (alphabet[i] == cp) {
        return i;
      }
    }
    return alphabet.length - 1; // not in the class: any pick differs
  }

  private static int[] range(char from, char to) {
    int[] out = new int[to - from + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }

  @Override
  public boolean alwaysChanges() {
    return forceChange;
  }
}
