package dev.guise.mask.seed;

/** Where a seed file came from. */
public enum SeedSource {
  /** A {@code .csv} file in the user's seed directory; overrides a built-in of the same name. */
  USER,
  /** Shipped inside Guise under {@code seeds/} on the classpath. */
  BUILT_IN
}
