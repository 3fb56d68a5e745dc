package dev.guise.schema;

import java.util.Optional;

/**
 * A table looked up by the name a ruleset writes.
 *
 * @param table the table, or null when none matched
 * @param problem why none matched, beginning with {@code "; "}; null when it matched or when the
 *     name simply names nothing
 */
public record TableLookup(TableInfo table, String problem) {
  public static TableLookup of(Optional<TableInfo> table) {
    return new TableLookup(table.orElse(null), null);
  }

  public Optional<TableInfo> asOptional() {
    return Optional.ofNullable(table);
  }
}
