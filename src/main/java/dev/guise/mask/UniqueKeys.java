package dev.guise.mask;

import dev.guise.secret.RunKey;
import dev.guise.secret.UniqueKey;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A unique mask's key for the current run: derived from the run key and the mask's {@code seed}
 * once, then reused (a run has one run key; a new one replaces the cached key).
 */
final class UniqueKeys {
  private final String seed;
  private final AtomicReference<UniqueKey> current = new AtomicReference<>();

  UniqueKeys(String seed) {
    this.seed = seed;
  }

  /** The seed parameter of a unique mask; the empty namespace when none is given. */
  static String seedOf(MaskArgs args) {
    return args.has("seed") ? args.string("seed") : "";
  }

  String seed() {
    return seed;
  }

  UniqueKey forRun(RunKey runKey) {
    UniqueKey k = current.get();
    if (k == null || k.runKey() != runKey) {
      k = UniqueKey.derive(runKey, seed);
      current.set(k);
    }
    return k;
  }
}
