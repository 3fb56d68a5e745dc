package dev.guise.mask;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A mask whose outputs never collide: equal inputs give equal outputs, different inputs different
 * outputs, in every table and on every engine. Rules with such a mask may write key and unique
 * columns; the planner sends them down the key path (an old → new mapping of the distinct values,
 * then a rewrite of the column and of every column that references it).
 */
public interface UniqueMask extends Mask {
  /** How a unique mask assigns its outputs. */
  enum Assignment {
    /** {@link #apply} is a keyed bijection of the input value ({@code imitate_unique}). */
    BIJECTION,
    /**
     * Outputs are drawn by position: {@link #valueAt} gives the output for the n-th distinct input
     * in the key path's sort order ({@code from_unique}, {@code mask_unique_key}).
     */
    BY_ORDINAL
  }

  Assignment assignment();

  /**
   * For {@link Assignment#BY_ORDINAL}: the output for the n-th distinct input (0-based), a keyed
   * permutation of the output space so that outputs do not look sequential.
   */
  default Object valueAt(BigInteger ordinal, MaskContext ctx) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is a bijection");
  }

  /**
   * The number of distinct outputs the mask can give; empty when it is as large as its input's
   * domain (a bijection). The key path refuses, before writing, a column with more distinct values.
   */
  default Optional<BigInteger> space() {
    return Optional.empty();
  }

  /**
   * This mask for an integer column whose type holds only {@code [min, max]} (an {@code INT}, a
   * {@code SMALLINT}), so that integer outputs stay inside it; the default (masks that never output
   * integers) is the mask itself. Whoever compiles a rule against its column calls this.
   */
  default UniqueMask withIntegerRange(BigInteger min, BigInteger max) {
    return this;
  }
}
