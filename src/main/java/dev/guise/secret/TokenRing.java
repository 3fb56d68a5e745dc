package dev.guise.secret;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The token keys one run uses, by name, and which way it goes: a masking run tokenizes, a
 * re-identification run ({@code guise reidentify}) applies the inverse. Resolved and checked before
 * the run touches a database.
 */
public record TokenRing(Map<String, TokenKey> keys, boolean reverse) {
  /** No token keys: a run whose ruleset has no {@code tokenize}. */
  public static final TokenRing NONE = new TokenRing(Map.of(), false);

  public TokenRing {
    keys = Map.copyOf(keys);
  }

  /** The named key; a run resolves every key its rules name before it starts. */
  public TokenKey key(String name) {
    TokenKey k = keys.get(name);
    if (k == null) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          "token key '" + name + "' - not loaded for this run; create it with guise keys create");
    }
    return k;
  }

  /** Names and fingerprints, sorted: what the run record keeps of the keys. */
  public Map<String, String> fingerprints() {
    Map<String, String> m = new TreeMap<>();
    keys.forEach((n, k) -> m.put(n, k.fingerprint()));
    return m;
  }

  @Override
  public String toString() {
    return "TokenRing" + fingerprints() + (reverse ? " reverse" : "");
  }
}
