package dev.guise.schema;

/** A table's real name in the database (exact case), with its schema or null. */
public record TableRef(String schema, String name) {
  /** {@code schema.table} as the user would read it. */
  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
