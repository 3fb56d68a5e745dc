package dev.guise.mask;

import dev.guise.secret.UniqueKey;

/**
 * A unique mask that is a keyed bijection of its input ({@code imitate_unique}, {@code
 * imitate_uuid}, {@code imitate_nz_ird}): keyed by the run key and its {@code seed} only.
 */
abstract class UniqueBijection implements UniqueMask {
  private final UniqueKeys keys;

  UniqueBijection(String seed) {
    this.keys = new UniqueKeys(seed);
  }

  @Override
  public final Assignment assignment() {
    return Assignment.BIJECTION;
  }

  final String seed() {
    return keys.seed();
  }

  /** The key for this value's run. */
  final UniqueKey key(MaskContext ctx) {
    return keys.forRun(ctx.key());
  }
}
