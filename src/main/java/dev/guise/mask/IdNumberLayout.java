package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.secret.Rng;
import java.util.function.UnaryOperator;

/**
 * How the national ID number masks ({@code social_security_number}, {@code brazilian_cpf}) treat a
 * value: an ID of exactly its number of digits is replaced digit by digit inside the input's own
 * layout (separators and surrounding text stay), other text becomes the standard formatted form,
 * and an integer column gets an integer.
 *
 * @param mask the mask's YAML name, for messages
 * @param what the kind of number, for messages ("an SSN")
 * @param digits how many digits the number has
 * @param generator a valid number of {@code digits} digits other than the one given (or any, for an
 *     empty string)
 * @param formatted the standard layout of a generated number
 */
record IdNumberLayout(
    String mask, String what, int digits, Generator generator, UnaryOperator<String> formatted) {

  /** Draws a valid number as a string of digits, never equal to {@code avoid}. */
  @FunctionalInterface
  interface Generator {
    String generate(String avoid, Rng rng);
  }

  Object apply(Object value, Rng rng) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer) {
      String in = String.format("%0" + digits + "d", ((Number) value).longValue());
      return Long.parseLong(generator.generate(in, rng));
    }
    if (!(value instanceof String s)) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          mask
              + " - cannot mask a "
              + value.getClass().getSimpleName()
              + " value as "
              + what
              + "; use it on text or integer columns");
    }
    if (s.isBlank()) {
      return s;
    }
    StringBuilder found = new StringBuilder(digits);
    s.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> found.append((char) c));
    if (found.length() != digits) {
      return formatted.apply(generator.generate("", rng));
    }
    String g = generator.generate(found.toString(), rng);
    char[] out = s.toCharArray();
    for (int i = 0, k = 0; i < out.length; i++) {
      if (out[i] >= '0' && out[i] <= '9') {
        out[i] = g.charAt(k++);
      }
    }
    return new String(out);
  }
}
