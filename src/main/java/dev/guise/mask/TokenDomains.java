package dev.guise.mask;

import dev.guise.secret.KeyedPermutation;
import dev.guise.secret.TokenKey;
import dev.guise.secret.UniqueKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The token domains of {@code tokenize}, each mapped onto itself by a keyed fixed-point-free
 * bijection and back by its inverse. Text and numbers take {@code imitate_unique}'s domains; dates
 * are the days of 1000-01-01..9999-12-31 and timestamps its seconds (the fraction of a second is
 * kept), fixed so that every engine gives the same tokens; the prefixed form encrypts a text's
 * UTF-8 bytes among the byte strings of their length. Messages never quote a value.
 */
final class TokenDomains {
  static final LocalDate FIRST_DAY = LocalDate.of(1000, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
  private static final long DAYS = ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
  private static final long SECONDS = DAYS * 86_400L;
  private static final LocalDateTime FIRST_SECOND = FIRST_DAY.atStartOfDay();
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private TokenDomains() {}

  static Object apply(
      Object value,
      TokenKey key,
      TokenizeMask.Format format,
      String prefix,
      ImitateUniqueMask.IntegerRange range,
      boolean inverse) {
    if (value == null) {
      return null;
    }
    UniqueKey k = key.permutations();
    if (format == TokenizeMask.Format.PREFIXED) {
      if (!(value instanceof String s)) {
        throw TokenizeMask.notAToken(
            "format: prefixed tokenizes text only, not " + value.getClass().getSimpleName());
      }
      return inverse
          ? unprefix(s, prefix, k, key)
          : prefix + base32(permuteBytes(utf8(s), k, false));
    }
    if (value instanceof String s) {
      return UniqueText.mask(s, k, inverse);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      BigInteger v = BigInteger.valueOf(((Number) value).longValue());
      return UniqueText.maskInteger(
              v, range == null ? ImitateUniqueMask.IntegerRange.LONG : range, k, inverse)
          .longValueExact();
    }
    if (value instanceof BigInteger b) {
      return UniqueText.maskInteger(b, digits(range), k, inverse);
    }
    if (value instanceof BigDecimal d) {
      BigDecimal fixed = d.scale() < 0 ? d.setScale(0) : d;
      ImitateUniqueMask.IntegerRange r =
          fixed.scale() == 0 ? digits(range) : ImitateUniqueMask.IntegerRange.DIGITS;
      // the unscaled digits at the value's own scale: 0.00 and 0.07 share a domain, so the
      // inverse finds the domain the token came from
      return new BigDecimal(
          UniqueText.maskInteger(fixed.unscaledValue(), r, k, inverse), fixed.scale());
    }
    if (value instanceof LocalDate date) {
      return date(date, k, inverse);
    }
    if (value instanceof LocalDateTime t) {
      return dateTime(t, k, inverse);
    }
    if (value instanceof OffsetDateTime t) {
      return OffsetDateTime.of(dateTime(t.toLocalDateTime(), k, inverse), t.getOffset());
    }
    throw TokenizeMask.notAToken(
        "cannot tokenize a "
            + value.getClass().getSimpleName()
            + " value reversibly; use it on text, integer, decimal, date or timestamp columns");
  }

  private static ImitateUniqueMask.IntegerRange digits(ImitateUniqueMask.IntegerRange range) {
    return range == null ? ImitateUniqueMask.IntegerRange.DIGITS : range;
  }

  private static LocalDate date(LocalDate d, UniqueKey k, boolean inverse) {
    if (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY)) {
      throw TokenizeMask.notAToken(
          "a date is outside tokenize's date domain " + FIRST_DAY + ".." + LAST_DAY);
    }
    KeyedPermutation p = k.permutation("date/v1", BigInteger.valueOf(DAYS));
    BigInteger x = BigInteger.valueOf(ChronoUnit.DAYS.between(FIRST_DAY, d));
    return FIRST_DAY.plusDays((inverse ? p.predecessor(x) : p.successor(x)).longValueExact());
  }

  private static LocalDateTime dateTime(LocalDateTime t, UniqueKey k, boolean inverse) {
    if (t.toLocalDate().isBefore(FIRST_DAY) || t.toLocalDate().isAfter(LAST_DAY)) {
      throw TokenizeMask.notAToken(
          "a timestamp is outside tokenize's domain " + FIRST_DAY + ".." + LAST_DAY);
    }
    KeyedPermutation p = k.permutation("datetime/v1", BigInteger.valueOf(SECONDS));
    BigInteger x = BigInteger.valueOf(ChronoUnit.SECONDS.between(FIRST_SECOND, t.withNano(0)));
    long s = (inverse ? p.predecessor(x) : p.successor(x)).longValueExact();
    return FIRST_SECOND.plusSeconds(s).withNano(t.getNano());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The byte strings of one length, permuted as one number of base 256. */
  private static byte[] permuteBytes(byte[] b, UniqueKey k, boolean inverse) {
    int n = b.length;
    if (n == 0) {
      return b;
    }
    KeyedPermutation p = k.permutation("bytes/v1/" + n, BigInteger.ONE.shiftLeft(8 * n));
    BigInteger x = new BigInteger(1, b);
    BigInteger y = inverse ? p.predecessor(x) : p.successor(x);
    byte[] raw = y.toByteArray();
    byte[] out = new byte[n];
    int copy = Math.min(n, raw.length);
    System.arraycopy(raw, raw.length - copy, out, n - copy, copy);
    return out;
  }

  private static String unprefix(String token, String prefix, UniqueKey k, TokenKey key) {
    if (!token.startsWith(prefix)) {
      throw TokenizeMask.notAToken(
          "a value is not a token: it does not start with '" + prefix + "'");
    }
    byte[] enc = unbase32(token.substring(prefix.length()));
    if (enc == null) {
      throw TokenizeMask.notAToken(
          "a value starting with '" + prefix + "' is not a token: its rest is not base32");
    }
    byte[] plain = permuteBytes(enc, k, true);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(plain))
          .toString();
    } catch (CharacterCodingException e) {
      throw TokenizeMask.notAToken(
          "a token does not decode with key '"
              + key.name()
              + "' (fingerprint "
              + key.fingerprint()
              + "): it was made with another key");
    }
  }

  /** Characters of the unpadded base32 of {@code n} bytes. */
  static int base32Length(int n) {
    return (8 * n + 4) / 5;
  }

  /** RFC 4648 base32, lower case, no padding. */
  static String base32(byte[] b) {
    StringBuilder sb = new StringBuilder(base32Length(b.length));
    int buffer = 0;
    int bits = 0;
    for (byte x : b) {
      buffer = (buffer << 8) | (x & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return sb.toString();
  }

  /** The bytes of canonical unpadded base32 text; null when it is not. */
  static byte[] unbase32(String s) {
    int n = s.length() * 5 / 8;
    if (base32Length(n) != s.length()) {
      return null;
    }
    byte[] out = new byte[n];
    int buffer = 0;
    int bits = 0;
    int o = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v = c >= 'a' && c <= 'z' ? c - 'a' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
      if (v < 0) {
        return null;
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[o++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
      buffer &= (1 << bits) - 1;
    }
    return buffer == 0 ? out : null; // leftover bits must be zero
  }
}
