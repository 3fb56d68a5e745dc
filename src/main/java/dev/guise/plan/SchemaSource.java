package dev.guise.plan;

import dev.guise.schema.TableInfo;
import java.util.Optional;

/** Looks tables up in the live schema; the executor backs it with introspection. */
@FunctionalInterface
public interface SchemaSource {
  /** The table as the ruleset names it ({@code table} or {@code schema.table}). */
  Optional<TableInfo> table(String nameAsWritten);
}
