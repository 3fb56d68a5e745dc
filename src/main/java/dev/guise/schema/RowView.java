package dev.guise.schema;

/** Read access to the current row's values (original values, before any rule ran). */
@FunctionalInterface
public interface RowView {
  RowView EMPTY = column -> null;

  /** The value of {@code column} (case-insensitive; {@code table.column} for joined columns). */
  Object get(String column);
}
