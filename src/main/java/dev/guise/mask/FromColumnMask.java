package dev.guise.mask;

import java.util.List;

/** {@code from_column}: replaces the value with another column's original value from the row. */
public final class FromColumnMask implements Mask {
  public static final String NAME = "from_column";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "generic",
          "Replace the value with the value of another column of the same row.",
          List.of(
              ParamSpec.required(
                  "source_column",
                  ParamType.STRING,
                  "Column to copy, as read before any rule ran; 'table.column' for a column of a"
                      + " joined table.")),
          "type: from_column\nsource_column: billing_address",
          FromColumnMask::create);

  private final String sourceColumn;

  FromColumnMask(String sourceColumn) {
    this.sourceColumn = sourceColumn;
  }

  private static FromColumnMask create(MaskArgs args) {
    String column = args.string("source_column");
    if (column == null || column.isBlank()) {
      throw new MaskArgs.InvalidArgument(
          "source_column", "the column name is empty; name the column to copy from");
    }
    return new FromColumnMask(column.strip());
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return ctx.row().get(sourceColumn);
  }

  @Override
  public OutputShape shape() {
    return OutputShape.ANY;
  }

  /** The column this mask reads, so the executor can fetch it. */
  public String sourceColumn() {
    return sourceColumn;
  }

  @Override
  public java.util.Set<String> columnsRead() {
    return java.util.Set.of(sourceColumn);
  }
}
