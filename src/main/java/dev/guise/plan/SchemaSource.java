package dev.guise.plan;

import dev.guise.schema.ForeignKey;
import dev.guise.schema.IdentifierRules;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableLookup;
import dev.guise.schema.TableRef;
import java.util.List;
import java.util.Optional;

/** Looks tables up in the live schema; the executor backs it with introspection. */
@FunctionalInterface
public interface SchemaSource {
  /** The table as the ruleset names it ({@code table} or {@code schema.table}). */
  Optional<TableInfo> table(String nameAsWritten);

  /** {@link #table}, telling why nothing matched when that is worth telling. */
  default TableLookup lookup(String nameAsWritten) {
    return TableLookup.of(table(nameAsWritten));
  }

  /** How the database reads the column names of a ruleset (quoting, folding). */
  default IdentifierRules identifiers() {
    return IdentifierRules.STANDARD;
  }

  /**
   * Why a task's raw {@code where} cannot be pasted into a read on this database (more than one
   * statement, a transaction or session command), or null when it is one condition. Only the live
   * database knows how its SQL quotes; a source without one accepts every where.
   */
  default String whereProblem(String where) {
    return null;
  }

  /**
   * The foreign keys that reference {@code parent}, from any schema; a source without foreign keys
   * has none.
   */
  default List<ForeignKey> referencing(TableRef parent) {
    return List.of();
  }

  /** A table by its real name (a foreign key's child), exact. */
  default Optional<TableInfo> table(TableRef ref) {
    return Optional.empty();
  }
}
