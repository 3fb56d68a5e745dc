package dev.guise.mask;

import dev.guise.secret.SeedEncoder;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code hash}: a keyed HMAC-SHA256 of the value under the run key, as lowercase hex. The value is
 * encoded canonically ({@link SeedEncoder}), so equal values hash equally on every engine (the
 * number 5 and 5.00 agree; the number 5 and the text '5' do not), and the result does not depend on
 * the mask's definition or place: one value, one hash, throughout a run's secrets.
 */
public final class HashMask implements Mask {
  public static final String NAME = "hash";
  static final int HEX_LENGTH = 64;
  // separates these MACs from every generator seed derived from the same key
  private static final String DOMAIN = "guise/hash/v1";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "transformation",
          "Replace the value with a keyed hash (HMAC-SHA256 under the run key), as hex.",
          List.of(
              ParamSpec.optional(
                  "length",
                  ParamType.INTEGER,
                  (long) HEX_LENGTH,
                  "Keep the first N hex digits, 1 to 64 (default 64).")),
          "type: hash\nlength: 16",
          HashMask::create);

  private final int length;

  HashMask(int length) {
    this.length = length;
  }

  private static HashMask create(MaskArgs args) {
    long length = args.longValue("length", HEX_LENGTH);
    if (length < 1 || length > HEX_LENGTH) {
      throw new MaskArgs.InvalidArgument(
          "length", "length is " + length + "; use 1 to " + HEX_LENGTH + " hex digits");
    }
    return new HashMask((int) length);
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null) {
      return null;
    }
    byte[] mac = ctx.key().mac(new SeedEncoder().add(DOMAIN).add(value).toBytes());
    return HexFormat.of().formatHex(mac).substring(0, length);
  }

  @Override
  public OutputShape shape() {
    return OutputShape.text(length);
  }
}
