package dev.guise.mask;

import java.util.List;

/**
 * {@code from_column}: replaces the value with another column's value from the row: as read from
 * the database, or with {@code masked: true} as the task's earlier rules masked it.
 */
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
                      + " joined table."),
              ParamSpec.optional(
                  "masked",
                  ParamType.BOOLEAN,
                  false,
                  "true: the value that the rules before this one in the task wrote to the column"
                      + " (e.g. an email from the masked names); false: the value as read.")),
          "type: from_column\nsource_column: billing_address",
          FromColumnMask::create);

  private final String sourceColumn;
  private final boolean masked;

  FromColumnMask(String sourceColumn, boolean masked) {
    this.sourceColumn = sourceColumn;
    this.masked = masked;
  }

  private static FromColumnMask create(MaskArgs args) {
    String column = args.string("source_column");
    if (column == null || column.isBlank()) {
      throw new MaskArgs.InvalidArgument(
          "source_column", "the column name is empty; name the column to copy from");
    }
    return new FromColumnMask(column.strip(), args.bool("masked", false));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    return (masked ? ctx.maskedRow() : ctx.row()).get(sourceColumn);
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
