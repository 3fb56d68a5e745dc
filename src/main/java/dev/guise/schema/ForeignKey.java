package dev.guise.schema;

import java.util.List;

/** A foreign key, possibly composite and across schemas: {@code from(columns) -> to(columns)}. */
public record ForeignKey(
    String name, TableRef from, List<String> fromColumns, TableRef to, List<String> toColumns) {

  /** e.g. {@code (customer_id) -> shop.customers(id)}. */
  public String describe() {
    return "("
        + String.join(", ", fromColumns)
        + ") -> "
        + to
        + "("
        + String.join(", ", toColumns)
        + ")";
  }
}
