package dev.guise.mask;

import dev.guise.secret.Rng;
import java.util.List;

/**
 * {@code brazilian_cpf}: replaces a Brazilian CPF (Cadastro de Pessoas Físicas) number with a
 * random valid one: nine random digits (never one digit repeated, which the Receita Federal does
 * not issue) and the two mod-11 check digits computed from them, never equal to the input. A text
 * value holding eleven digits keeps its layout (123.456.789-09 or 12345678909); other text becomes
 * the formatted form NNN.NNN.NNN-NN. A number column gets a number.
 */
public final class BrazilianCpfMask implements Mask {
  public static final String NAME = "brazilian_cpf";

  /** Length of a CPF in the formatted form NNN.NNN.NNN-NN. */
  static final int FORMATTED_LENGTH = 14;

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "data_pattern",
          "Replace a Brazilian CPF number with a random valid one in the same layout.",
          List.of(),
          "type: brazilian_cpf",
          BrazilianCpfMask::create);

  private static BrazilianCpfMask create(MaskArgs args) {
    return new BrazilianCpfMask();
  }

  private static final IdNumberLayout LAYOUT =
      new IdNumberLayout(
          NAME, "a CPF", 11, BrazilianCpfMask::generate, BrazilianCpfMask::formatted);

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return LAYOUT.apply(value, ctx.rng());
  }

  /** {@code 12345678909} as {@code 123.456.789-09}. */
  static String formatted(String cpf) {
    return cpf.substring(0, 3)
        + "."
        + cpf.substring(3, 6)
        + "."
        + cpf.substring(6, 9)
        + "-"
        + cpf.substring(9);
  }

  /** Eleven digits of a valid CPF other than {@code avoid}. */
  static String generate(String avoid, Rng rng) {
    int[] d = new int[11];
    while (true) { // a repeat has odds of about one in a billion per draw
      boolean allSame = true;
      for (int i = 0; i < 9; i++) {
        d[i] = rng.nextInt(10);
        allSame &= d[i] == d[0];
      }
      if (allSame) {
        continue;
      }
      d[9] = checkDigit(d, 9);
      d[10] = checkDigit(d, 10);
      StringBuilder out = new StringBuilder(11);
      for (int x : d) {
        out.append((char) ('0' + x));
      }
      if (!out.toString().equals(avoid)) {
        return out.toString();
      }
    }
  }

  /** The mod-11 check digit over the first {@code n} digits, weights n+1 down to 2. */
  static int checkDigit(int[] digits, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += digits[i] * (n + 1 - i);
    }
    int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  }

  @Override
  public OutputShape shape() {
    return OutputShape.SAME;
  }
}
