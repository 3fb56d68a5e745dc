package dev.guise.secret;

import java.util.List;

/** Test access to a token key's bytes and its derived keys, for the tests that grep for them. */
public final class TokenKeySubkeys {
  private TokenKeySubkeys() {}

  /** The key itself, then every key derived from it. */
  public static List<byte[]> of(TokenKey key) {
    return List.of(key.keyAndSubkeys());
  }
}
