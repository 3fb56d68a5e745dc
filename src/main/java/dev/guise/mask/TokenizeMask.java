package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.schema.ColumnCategory;
import dev.guise.secret.TokenKey;
import dev.guise.secret.TokenKeys;
import dev.guise.secret.TokenRing;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * {@code tokenize}: reversible masking. A keyed format-preserving bijection (FF1, as the unique
 * masks) keyed by a named token key instead of the run key, with an inverse that {@code guise
 * reidentify} applies. Equal values give equal tokens in every table, run and engine for the same
 * key; a token never equals its original when its domain has another element. {@code format:
 * preserve} keeps the value's form (letters, digits, integers, decimals, dates, timestamps); {@code
 * format: prefixed} gives text tokens such as {@code tok_mfrgg}. See {@code docs/tokenization.md}.
 */
public final class TokenizeMask implements UniqueMask {
  public static final String NAME = "tokenize";

  /** The default prefix of {@code format: prefixed}. */
  public static final String DEFAULT_PREFIX = "tok_";

  /** How tokens look. */
  public enum Format {
    /** Same form as the value (the default). */
    PRESERVE,
    /** The prefix and the base32 of the encrypted UTF-8 bytes: text columns only. */
    PREFIXED
  }

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "unique",
          "Replace a value with a token that 'guise reidentify' turns back into the original:"
              + " keyed format-preserving encryption with a named token key (reversible).",
          List.of(
              ParamSpec.required(
                  "key_name",
                  ParamType.STRING,
                  "The token key (guise keys create NAME): the same key gives the same token for"
                      + " the same value everywhere, and is needed to re-identify."),
              ParamSpec.optional(
                  "format",
                  ParamType.STRING,
                  "preserve",
                  "preserve: letters stay letters, digits digits, integers keep sign and digit"
                      + " count, decimals their scale, dates and timestamps stay dates and"
                      + " timestamps (in 1000-01-01..9999-12-31). prefixed: the prefix then"
                      + " base32 of the encrypted text; text columns wide enough only."),
              ParamSpec.optional(
                  "prefix",
                  ParamType.STRING,
                  DEFAULT_PREFIX,
                  "With format: prefixed, what every token starts with.")),
          "type: tokenize\nkey_name: customers",
          TokenizeMask::create);

  /** The shortest value (in UTF-8 bytes) a column must hold the prefixed token of. */
  static final int MIN_PREFIXED_BYTES = 8;

  private final String keyName;
  private final Format format;
  private final String prefix;
  private final ImitateUniqueMask.IntegerRange range;

  private TokenizeMask(
      String keyName, Format format, String prefix, ImitateUniqueMask.IntegerRange range) {
    this.keyName = keyName;
    this.format = format;
    this.prefix = prefix;
    this.range = range;
  }

  /** A tokenize mask built outside a ruleset ({@code guise reidentify --values}). */
  public static TokenizeMask of(String keyName, Format format, String prefix) {
    return new TokenizeMask(keyName, format, prefix == null ? DEFAULT_PREFIX : prefix, null);
  }

  private static TokenizeMask create(MaskArgs args) {
    String key = args.string("key_name");
    if (!TokenKeys.validName(key)) {
      throw new MaskArgs.InvalidArgument(
          "key_name",
          "'"
              + key
              + "' is not a key name; use a lower-case letter, then letters, digits, '_' or '-'");
    }
    String f = args.has("format") ? args.string("format").strip() : "preserve";
    Format format;
    try {
      format = Format.valueOf(f.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MaskArgs.InvalidArgument(
          "format", "unknown format '" + f + "'; use preserve or prefixed");
    }
    String prefix = args.has("prefix") ? args.string("prefix") : DEFAULT_PREFIX;
    if (prefix.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "prefix", "must not be empty: it tells tokens from other values");
    }
    return new TokenizeMask(key, format, prefix, null);
  }

  /** The name of the token key this mask uses. */
  public String keyName() {
    return keyName;
  }

  public Format format() {
    return format;
  }

  @Override
  public Assignment assignment() {
    return Assignment.BIJECTION;
  }

  @Override
  public TokenizeMask withIntegerRange(BigInteger min, BigInteger max) {
    return new TokenizeMask(keyName, format, prefix, new ImitateUniqueMask.IntegerRange(min, max));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    TokenRing ring = ctx.key().tokens();
    TokenKey key = ring.key(keyName);
    return ring.reverse() ? reidentify(value, key) : tokenize(value, key);
  }

  /** The token of {@code value} under {@code key}; null stays null. */
  public Object tokenize(Object value, TokenKey key) {
    return TokenDomains.apply(value, key, format, prefix, range, false);
  }

  /**
   * The original of {@code token} under {@code key}.
   *
   * @throws GuiseException (run failed) when the value cannot be a token of this mask
   */
  public Object reidentify(Object token, TokenKey key) {
    return TokenDomains.apply(token, key, format, prefix, range, true);
  }

  @Override
  public OutputShape shape() {
    return format == Format.PREFIXED ? OutputShape.text(-1) : OutputShape.SAME;
  }

  @Override
  public boolean alwaysChanges() {
    return true;
  }

  /**
   * Why this mask cannot write a column of this category and length, or null when it can: the
   * prefixed form needs text wide enough for the token of the longest value.
   *
   * @param maxTextLength the column's length in characters, or 0 or less when unbounded
   */
  public String columnProblem(ColumnCategory category, int maxTextLength, String type) {
    if (format == Format.PREFIXED) {
      if (category != ColumnCategory.TEXT) {
        return "format: prefixed gives text tokens but the column is "
            + type
            + "; use format: preserve";
      }
      int need = prefix.length() + TokenDomains.base32Length(MIN_PREFIXED_BYTES);
      if (maxTextLength > 0 && need > maxTextLength) {
        return "format: prefixed needs at least "
            + need
            + " characters (the prefix and base32 of an "
            + MIN_PREFIXED_BYTES
            + "-byte value) but the column is "
            + type
            + "; widen it or use format: preserve";
      }
      return null;
    }
    return switch (category) {
      case TEXT, INTEGER, DECIMAL, DATE, TIMESTAMP, TIMESTAMP_TZ -> null;
      case FLOAT ->
          "floating-point values cannot be tokenized reversibly ("
              + type
              + " rounds)"
              + "; store them as DECIMAL, or use another mask";
      default ->
          "tokenize works on text, integer, decimal, date and timestamp columns, not " + type;
    };
  }

  /**
   * For a bounded text column and {@code format: prefixed}: the longest value, in UTF-8 bytes,
   * whose token fits; -1 when every token fits (unbounded text, or the preserving form).
   */
  public int longestFitting(int maxTextLength) {
    if (format != Format.PREFIXED || maxTextLength <= 0) {
      return -1;
    }
    return Math.max(0, (maxTextLength - prefix.length()) * 5 / 8);
  }

  @Override
  public String toString() {
    return NAME + "[" + keyName + ", " + format.name().toLowerCase(Locale.ROOT) + "]";
  }

  static GuiseException notAToken(String why) {
    return new GuiseException(ErrorCode.RUN_FAILED, NAME + " - " + why);
  }
}
