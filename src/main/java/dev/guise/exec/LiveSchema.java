package dev.guise.exec;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionPool;
import dev.guise.db.WhereClause;
import dev.guise.plan.SchemaSource;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.IdentifierRules;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableLookup;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A {@link SchemaSource} that introspects the connection's database. */
public final class LiveSchema implements SchemaSource {
  private final ConnectionPool pool;

  public LiveSchema(ConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public String whereProblem(String where) {
    return WhereClause.problem(pool.dialect().scriptSplitter(), where);
  }

  @Override
  public IdentifierRules identifiers() {
    return pool.dialect().identifierRules();
  }

  @Override
  public Optional<TableInfo> table(String nameAsWritten) {
    return lookup(nameAsWritten).asOptional();
  }

  @Override
  public TableLookup lookup(String nameAsWritten) {
    return read(
        "the schema of " + nameAsWritten,
        c -> pool.dialect().lookup(c, nameAsWritten, pool.config().schema()));
  }

  @Override
  public List<ForeignKey> referencing(TableRef parent) {
    return read(
        "the foreign keys that reference " + parent,
        c -> pool.dialect().foreignKeysReferencing(c, parent));
  }

  private interface Read<T> {
    T from(Connection c) throws SQLException;
  }

  /** One catalog read on a connection of the pool, its transaction ended either way. */
  private <T> T read(String what, Read<T> read) {
    try (Connection c = pool.connection()) {
      try {
        return read.from(c);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          "connection '"
              + pool.config().name()
              + "' - cannot read "
              + what
              + ": "
              + dev.guise.db.Redact.sqlError(e),
          e);
    }
  }

  @Override
  public Optional<TableInfo> table(TableRef ref) {
    return table(pool.dialect().qualified(ref));
  }
}
