package dev.guise.schema;

import java.util.List;

/**
 * A foreign key as the database declares it: the child's columns reference the parent's, in order.
 *
 * @param name the constraint's name as the engine stores it
 * @param onUpdate the referential action on update, in SQL words ({@code NO ACTION}, {@code
 *     CASCADE}, ...)
 * @param onDelete the referential action on delete, in SQL words
 */
public record ForeignKey(
    String name,
    TableRef child,
    List<String> childColumns,
    TableRef parent,
    List<String> parentColumns,
    String onUpdate,
    String onDelete) {
  public ForeignKey {
    childColumns = List.copyOf(childColumns);
    parentColumns = List.copyOf(parentColumns);
  }

  /** A foreign key whose referential actions were not read (discovery's bulk catalog). */
  public ForeignKey(
      String name,
      TableRef child,
      List<String> childColumns,
      TableRef parent,
      List<String> parentColumns) {
    this(name, child, childColumns, parent, parentColumns, null, null);
  }

  /** e.g. {@code (customer_id) -> shop.customers(id)}, as a child table lists it. */
  public String describe() {
    return "("
        + String.join(", ", childColumns)
        + ") -> "
        + parent
        + "("
        + String.join(", ", parentColumns)
        + ")";
  }

  /** The child column that references {@code parentColumn}, or null when none does. */
  public String childColumnFor(String parentColumn) {
    int i = parentColumns.indexOf(parentColumn);
    return i < 0 ? null : childColumns.get(i);
  }

  /** {@code child(cols) -> parent(cols)}, for messages and the plan. */
  @Override
  public String toString() {
    return child
        + "("
        + String.join(", ", childColumns)
        + ") -> "
        + parent
        + "("
        + String.join(", ", parentColumns)
        + ")";
  }
}
