package dev.guise.secret;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The run secret: from {@code GUISE_RUN_SECRET}, from a file, or generated. {@link #toString()}
 * never reveals it; use {@link #fingerprint()} in anything written.
 */
public final class RunSecret {
  public static final int MIN_LENGTH = 20;
  public static final String ENV = "GUISE_RUN_SECRET";
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final String value;
  private final boolean generated;

  private RunSecret(String value, boolean generated) {
    this.value = value;
    this.generated = generated;
  }

  /** Validates a given secret; {@code source} names where it came from for the error message. */
  public static RunSecret of(String value, String source) {
    if (value == null || value.length() < MIN_LENGTH) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          source
              + " - the run secret is "
              + (value == null ? 0 : value.length())
              + " characters long, at least "
              + MIN_LENGTH
              + " are required; use a longer secret");
    }
    return new RunSecret(value, false);
  }

  public static RunSecret fromFile(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return of(text, file.toString());
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          file + " - cannot read the run secret file (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A fresh 32-character secret from a cryptographic source (shown once to the user). */
  public static RunSecret generate() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new RunSecret(sb.toString(), true);
  }

  /** The secret text; only for key derivation and the one-time display of a generated secret. */
  public String reveal() {
    return value;
  }

  public boolean generated() {
    return generated;
  }

  /** First 12 hex digits of SHA-256 of the secret: identifies it without revealing it. */
  public String fingerprint() {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "RunSecret[" + fingerprint() + "]";
  }
}
