package dev.guise.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One named token key: 32 random bytes that key {@code tokenize} and its inverse. Separate from run
 * secrets: the same key gives the same tokens in every run. Holds the key bytes privately and
 * prints as its name and fingerprint; the keyed check value proves, without revealing the key, that
 * two places hold the same key.
 */
public final class TokenKey {
  /** Key length in bytes (an AES-256 key's worth). */
  public static final int LENGTH = 32;

  private static final byte[] CHECK_LABEL =
      "guise/token/check-value/v1".getBytes(StandardCharsets.UTF_8);

  private final String name;
  private final byte[] key;
  private final String checkValue;
  private final UniqueKey permutations;

  private TokenKey(String name, byte[] key) {
    this.name = name;
    this.key = key.clone();
    this.checkValue = HexFormat.of().formatHex(RunKey.hmac(this.key, CHECK_LABEL));
    this.permutations = UniqueKey.derive(RunKey.ofTokenKey(this.key), "tokenize");
  }

  /**
   * @param name a valid key name ({@link TokenKeys#validName})
   * @param key exactly {@link #LENGTH} bytes
   */
  public static TokenKey of(String name, byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("a token key is " + LENGTH + " bytes");
    }
    return new TokenKey(name, key);
  }

  public String name() {
    return name;
  }

  /**
   * HMAC-SHA256(key, a fixed label) in hex: stored with the key and in each tokenized database's
   * Guise tables, so that a different key of the same name is refused. Says nothing of the key.
   */
  public String checkValue() {
    return checkValue;
  }

  /** The first 16 hex digits of the check value: what run records, logs and lists show. */
  public String fingerprint() {
    return checkValue.substring(0, 16);
  }

  /** The keyed permutations that tokenize's domains draw from. */
  public UniqueKey permutations() {
    return permutations;
  }

  /** The key bytes, for writing the key file only. */
  byte[] bytes() {
    return key.clone();
  }

  /** Whether {@code other} is the same key (constant time). */
  boolean sameKey(TokenKey other) {
    return MessageDigest.isEqual(key, other.key);
  }

  /** The key and every key derived from it, for the test that greps outputs for them. */
  byte[][] keyAndSubkeys() {
    return new byte[][] {
      key.clone(), RunKey.ofTokenKey(key).keyBytes(), permutations.aesKey(),
    };
  }

  @Override
  public String toString() {
    return "TokenKey[" + name + " " + fingerprint() + "]";
  }
}
