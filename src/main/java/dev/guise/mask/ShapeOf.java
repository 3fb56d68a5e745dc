package dev.guise.mask;

import java.math.BigDecimal;

/** Output shapes of constants and number ranges, shared by the masks that produce them. */
final class ShapeOf {
  private ShapeOf() {}

  static OutputShape constant(Object value) {
    if (value == null) {
      return OutputShape.SAME;
    }
    if (value instanceof Boolean) {
      return OutputShape.of(OutputShape.Kind.BOOLEAN);
    }
    if (value instanceof Long || value instanceof Integer) {
      return new OutputShape(OutputShape.Kind.INTEGER, value.toString().length());
    }
    if (value instanceof BigDecimal d) {
      return new OutputShape(OutputShape.Kind.DECIMAL, d.toPlainString().length());
    }
    if (value instanceof Double || value instanceof Float) {
      return new OutputShape(OutputShape.Kind.DECIMAL, ValueText.of(value).length());
    }
    return OutputShape.text(ValueText.length(ValueText.of(value)));
  }
}
