package dev.guise.mask;

import java.util.List;

/** Masks applied in sequence: each sees the previous one's output. */
public record Pipeline(List<BuiltMask> masks) {
  public Object apply(Object value, MaskContext ctx) {
    return apply(value, ctx, 0);
  }

  /** Applies the masks from position {@code from} on (the executor did the ones before). */
  public Object apply(Object value, MaskContext ctx, int from) {
    Object v = value;
    for (int i = from; i < masks.size(); i++) {
      v = masks.get(i).apply(v, ctx);
    }
    return v;
  }

  /** The first mask when it is a {@code secure_shuffle}, which the executor runs; else null. */
  public SecureShuffleMask shuffle() {
    return !masks.isEmpty() && masks.get(0).mask() instanceof SecureShuffleMask s ? s : null;
  }

  /** Other columns of the row the masks read (e.g. {@code from_column}), for the planner. */
  public java.util.Set<String> columnsRead() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (BuiltMask m : masks) {
      out.addAll(m.mask().columnsRead());
    }
    return out;
  }

  /**
   * Whether the output never equals the original: one mask that promises it (a later mask sees only
   * the one before's output, so a longer pipeline promises nothing).
   */
  public boolean alwaysChanges() {
    return masks.size() == 1 && masks.get(0).mask().alwaysChanges();
  }

  public OutputShape shape() {
    OutputShape s = OutputShape.SAME;
    for (BuiltMask m : masks) {
      s = s.then(m.mask().shape());
    }
    return s;
  }
}
