package dev.guise.mask;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** {@code from_choices}: picks one of a list of values, optionally weighted. */
public final class FromChoicesMask implements Mask {
  public static final String NAME = "from_choices";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "generic",
          "Replace the value with one picked at random from a list, optionally weighted.",
          List.of(
              ParamSpec.required(
                  "choices",
                  ParamType.LIST,
                  "Values to pick from; an entry may be {value: V, weight: W} (W > 0, default 1)"
                      + " to make it W times as likely as an entry of weight 1.")),
          "type: from_choices\nchoices:\n  - 'Mr'\n  - 'Ms'\n  - {value: 'Dr', weight: 0.1}",
          FromChoicesMask::create);

  private final List<Object> values;
  // cumulative weights; null when all weights are equal (a plain uniform pick)
  private final double[] cumulative;

  private FromChoicesMask(List<Object> values, double[] cumulative) {
    this.values = values;
    this.cumulative = cumulative;
  }

  private static FromChoicesMask create(MaskArgs args) {
    List<?> raw = args.list("choices");
    if (raw.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "choices", "the list of choices is empty; give at least one value");
    }
    List<Object> values = new ArrayList<>(raw.size());
    double[] weights = new double[raw.size()];
    boolean weighted = false;
    for (int i = 0; i < raw.size(); i++) {
      Object entry = raw.get(i);
      double weight = 1;
      Object value = entry;
      if (entry instanceof Map<?, ?> m) {
        for (Object k : m.keySet()) {
          if (!"value".equals(k) && !"weight".equals(k)) {
            throw new MaskArgs.InvalidArgument(
                "choices",
                "choice " + (i + 1) + " has an unknown key '" + k + "'; use only value and weight");
          }
        }
        if (!m.containsKey("value")) {
          throw new MaskArgs.InvalidArgument(
              "choices", "choice " + (i + 1) + " has no 'value'; write {value: V, weight: W}");
        }
        value = m.get("value");
        Object w = m.get("weight");
        if (w != null) {
          weight = weight(w, i);
          weighted = true;
        }
      } else if (entry instanceof List<?>) {
        throw new MaskArgs.InvalidArgument(
            "choices", "choice " + (i + 1) + " is a list; give a single value or {value, weight}");
      }
      values.add(normalise(value));
      weights[i] = weight;
    }
    double[] cumulative = null;
    if (weighted) {
      cumulative = new double[weights.length];
      double total = 0;
      for (int i = 0; i < weights.length; i++) {
        total += weights[i];
        cumulative[i] = total;
      }
      if (!Double.isFinite(total)) {
        throw new MaskArgs.InvalidArgument(
            "choices", "the weights are too large; use smaller ones");
      }
    }
    return new FromChoicesMask(Collections.unmodifiableList(values), cumulative);
  }

  private static double weight(Object w, int index) {
    double d;
    if (w instanceof Number n) {
      d = n.doubleValue();
    } else {
      try {
        d = new BigDecimal(w.toString().trim()).doubleValue();
      } catch (NumberFormatException e) {
        throw new MaskArgs.InvalidArgument(
            "choices",
            "the weight of choice " + (index + 1) + " is not a number; use e.g. 2 or 0.5");
      }
    }
    if (!(d > 0) || !Double.isFinite(d)) {
      throw new MaskArgs.InvalidArgument(
          "choices",
          "the weight of choice " + (index + 1) + " is " + w + "; weights must be greater than 0");
    }
    return d;
  }

  private static Object normalise(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (cumulative == null) {
      return values.get(ctx.rng().nextInt(values.size()));
    }
    double u = ctx.rng().nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) { // first index whose cumulative weight exceeds u
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return values.get(lo);
  }

  @Override
  public OutputShape shape() {
    OutputShape.Kind kind = null;
    int max = 0;
    for (Object v : values) {
      if (v == null) {
        continue;
      }
      OutputShape s = ShapeOf.constant(v);
      if (kind == null) {
        kind = s.kind();
      } else if (kind != s.kind()) {
        return OutputShape.ANY;
      }
      max = s.maxLength() < 0 || max < 0 ? -1 : Math.max(max, s.maxLength());
    }
    return kind == null ? OutputShape.SAME : new OutputShape(kind, max);
  }
}
