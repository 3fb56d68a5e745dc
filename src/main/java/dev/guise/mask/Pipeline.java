package dev.guise.mask;

import java.util.List;

/** Masks applied in sequence: each sees the previous one's output. */
public record Pipeline(List<BuiltMask> masks) {
  public Object apply(Object value, MaskContext ctx) {
    Object v = value;
    for (BuiltMask m : masks) {
      v = m.apply(v, ctx);
    }
    return v;
  }

  /** Other columns of the row the masks read (e.g. {@code from_column}), for the planner. */
  public java.util.Set<String> columnsRead() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (BuiltMask m : masks) {
      out.addAll(m.mask().columnsRead());
    }
    return out;
  }

  public OutputShape shape() {
    OutputShape s = OutputShape.SAME;
    for (BuiltMask m : masks) {
      s = s.then(m.mask().shape());
    }
    return s;
  }
}
