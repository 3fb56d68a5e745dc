package dev.guise.mask;

import java.util.List;
import java.util.Set;

/**
 * {@code secure_shuffle}: moves the column's values between rows with a permutation keyed by the
 * run secret, optionally only within groups of rows that share {@code shuffle_group} values. The
 * values themselves stay real (totals and distributions are kept) but no longer sit in their own
 * row. It needs the whole column, so the executor does the work in a first pass over the table
 * (holding the column's values in memory) and this class only declares it; it must be the first
 * mask of its rule, and later masks of the rule transform the shuffled value.
 */
public final class SecureShuffleMask implements Mask {
  public static final String NAME = "secure_shuffle";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "generic",
          "Shuffle the column's values between rows (within groups), keyed by the run secret.",
          List.of(
              ParamSpec.optional(
                  "shuffle_group",
                  ParamType.STRING_LIST,
                  null,
                  "Columns whose values define groups: values move only between rows of the same"
                      + " group (e.g. [country] keeps each value in its country).")),
          "type: secure_shuffle\nshuffle_group: [country]",
          args -> new SecureShuffleMask(args.strings("shuffle_group")));

  private final List<String> groups;

  SecureShuffleMask(List<String> groups) {
    this.groups = List.copyOf(groups);
  }

  /** The grouping columns, in order; empty for one group. */
  public List<String> groups() {
    return groups;
  }

  /** Never called: the executor replaces the value from its keyed permutation. */
  @Override
  public Object apply(Object value, MaskContext ctx) {
    throw new IllegalStateException("secure_shuffle is applied by the executor, not per value");
  }

  @Override
  public Set<String> columnsRead() {
    return Set.copyOf(groups);
  }
}
