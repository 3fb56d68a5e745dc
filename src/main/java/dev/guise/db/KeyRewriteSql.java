package dev.guise.db;

import dev.guise.schema.ColumnInfo;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * What the key path asks of an engine: the constraints in a rewrite's way, read from the catalog,
 * with the DDL that drops them and re-creates them (safe to run twice: a repair may run it after
 * the run did), the set-based rewrite of a table from the old → new mapping, and the sequences or
 * identities behind rewritten integer keys.
 */
public interface KeyRewriteSql {
  /** True when DDL is transactional (PostgreSQL): a family is rewritten in one transaction. */
  boolean transactionalDdl();

  /** The primary key, unique constraints and unique indexes of the table holding any column. */
  List<KeyConstraint> uniqueConstraints(Connection c, TableRef table, Collection<String> columns)
      throws SQLException;

  /**
   * The plain (non-unique) indexes on any of the table's columns that are cheaper to drop and build
   * again than to maintain row by row while the rewrite changes every value in them; none where the
   * engine keeps them cheaply. An index that another foreign key still needs cannot be dropped: the
   * key path then keeps it (the drop fails with {@link #indexInUse}).
   */
  default List<KeyConstraint> plainIndexes(Connection c, TableRef table, Collection<String> columns)
      throws SQLException {
    return List.of();
  }

  /** True when the drop of a plain index failed because a foreign key needs it. */
  default boolean indexInUse(SQLException e) {
    return false;
  }

  /** The foreign key as a constraint to drop and re-create, with its engine definition. */
  KeyConstraint foreignKey(Connection c, ForeignKey fk) throws SQLException;

  /** The statement that drops it. */
  String drop(KeyConstraint k);

  /** The statements (a script) that re-create it when missing, and do nothing when present. */
  String recreate(KeyConstraint k);

  /**
   * The set-based rewrite of the table's columns from the mapping, touching only rows whose value
   * is mapped.
   *
   * @param guard an extra SQL condition on the whole statement (a marker that the rewrite is still
   *     due), or null
   */
  String rewrite(TableRef table, List<String> columns, String map, String guard);

  /** The same rewrite the other way (new → old), to undo a table already rewritten. */
  String unrewrite(TableRef table, List<String> columns, String map);

  /** Why the column cannot be rewritten in place (a GENERATED ALWAYS identity), or null. */
  String identityProblem(Connection c, TableRef table, ColumnInfo column) throws SQLException;

  /**
   * Statements that set the sequence, identity or AUTO_INCREMENT behind the column past its current
   * maximum; none when nothing generates it.
   */
  List<String> sequenceResets(Connection c, TableRef table, ColumnInfo column) throws SQLException;

  /**
   * {@code SELECT COUNT(*)} of the child rows whose key (all of its columns set) has no parent: 0
   * when the foreign key holds.
   */
  String orphans(ForeignKey fk);

  /** Makes the mapping table's old values its primary key. */
  default List<String> mapKey(String map, Dialect d) {
    return List.of(
        "ALTER TABLE " + map + " ALTER COLUMN " + d.quote(OLD) + " SET NOT NULL",
        "ALTER TABLE " + map + " ADD PRIMARY KEY (" + d.quote(OLD) + ")");
  }

  /** The mapping table's names for its two columns. */
  String OLD = "old_value";

  String NEW = "new_value";
}
