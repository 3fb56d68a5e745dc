package dev.guise.db;

import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.IdentifierRules;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableLookup;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything engine-specific Guise needs, as one small class per engine found through {@link
 * java.util.ServiceLoader}. Most behaviour comes from {@link StandardDialect}; an engine overrides
 * what differs. To add an engine: a subpackage with a dialect class, a line in {@code
 * META-INF/services/dev.guise.db.Dialect}, and the dialect contract test run against it.
 */
public interface Dialect {
  /** Short name used in run records, e.g. {@code postgres}. */
  String name();

  /** The {@code db_type} values of connections.yml this dialect serves. */
  List<String> dbTypes();

  /** True when a raw JDBC URL belongs to this engine. */
  boolean acceptsUrl(String jdbcUrl);

  /** A JDBC URL from host, port and database. */
  String jdbcUrl(String host, Integer port, String database);

  /**
   * The URL handed to the driver for a configured one; an engine rewrites what its driver would not
   * accept as written (the MariaDB driver serves {@code jdbc:mysql:} URLs only when asked to).
   */
  default String driverUrl(String jdbcUrl) {
    return jdbcUrl;
  }

  /** Quotes an identifier exactly as given (case preserved, embedded quotes doubled). */
  String quote(String identifier);

  default String qualified(TableRef table) {
    return table.schema() == null
        ? quote(table.name())
        : quote(table.schema()) + "." + quote(table.name());
  }

  /**
   * Finds a table as the user wrote it ({@code table} or {@code schema.table}, parts quoted or
   * not), read by {@link #identifierRules()}.
   *
   * @param defaultSchema the connection's schema, or null for the engine's current one
   */
  Optional<TableInfo> describe(Connection c, String tableAsWritten, String defaultSchema)
      throws SQLException;

  /**
   * {@link #describe}, telling why nothing matched when that is worth telling (several names differ
   * only in case, a quoted name differs in case, the name cannot be read).
   */
  default TableLookup lookup(Connection c, String tableAsWritten, String defaultSchema)
      throws SQLException {
    return TableLookup.of(describe(c, tableAsWritten, defaultSchema));
  }

  /**
   * How this engine reads names a ruleset writes: the folding of unquoted names ({@link
   * #unquotedName}), and whether backticks quote as double quotes do.
   */
  default IdentifierRules identifierRules() {
    return IdentifierRules.STANDARD;
  }

  /**
   * A keyset-paginated read in key order, with the binder for its parameters: the key columns, the
   * table's columns, then joined columns; rows after the bound key when {@code afterKey} is true;
   * at most {@code limit} rows. Never OFFSET: each batch starts where the last ended, by index.
   */
  KeysetQuery keysetQuery(BatchQuery query, boolean afterKey, int limit);

  /**
   * As {@link #keysetQuery(BatchQuery, boolean, int)}, ending at the key {@code upTo} (included): a
   * key range of a table that several workers (or shards) mask at once.
   *
   * @param upTo the range's last key, or null for no end
   */
  KeysetQuery keysetQuery(BatchQuery query, boolean afterKey, Object[] upTo, int limit);

  /** The key of the row at {@code offset} in key order (keys with no NULL, no {@code where}). */
  String keyAt(BatchQuery query, long offset);

  /** {@code SELECT COUNT(*)} of the rows whose key has no NULL, with no {@code where}. */
  String countKeys(BatchQuery query);

  /**
   * {@code SELECT COUNT(*)} of a task's rows after {@code after} up to {@code upTo} (nulls: open).
   */
  KeysetQuery countRange(BatchQuery query, Object[] after, Object[] upTo);

  /** {@code SELECT COUNT(*)} of the rows a task will visit. */
  String countRows(BatchQuery query);

  /**
   * The name the engine stores for an identifier written unquoted: upper case in standard SQL (H2),
   * lower case in PostgreSQL, as written in MySQL. Quoting this keeps a plain name working in the
   * ruleset's own SQL, which refers to the table unquoted.
   */
  default String unquotedName(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  /**
   * {@code CREATE TABLE name AS select}, for {@code build_temp_table}.
   *
   * @param name a plain name (letters, digits, {@code _}), created in the connection's schema
   * @param select the ruleset's own SELECT, run as written
   */
  default String createTableAs(String name, String select) {
    return "CREATE TABLE " + quote(unquotedName(name)) + " AS " + select;
  }

  /** {@code DROP TABLE} of a table {@link #createTableAs} made. */
  default String dropTable(String name) {
    return "DROP TABLE " + quote(unquotedName(name));
  }

  /**
   * {@code DROP TABLE IF EXISTS} of a table {@link #createTableAs} made (a leftover's clean-up).
   */
  default String dropTableIfExists(String name) {
    return "DROP TABLE IF EXISTS " + quote(unquotedName(name));
  }

  /**
   * The engine's locks for a run ({@link TableLocks}).
   *
   * @param dedicated opens connections for the locks alone (not the pool's)
   * @param guiseSchema where Guise keeps its own tables, for an engine that needs one for locks
   */
  TableLocks tableLocks(TableLocks.Opener dedicated, String guiseSchema);

  /** The statements of a {@code run_sql} script, split by the engine's own quoting rules. */
  default List<String> splitScript(String sql) {
    return scriptSplitter().split(sql);
  }

  /** How this engine's SQL reads strings, identifiers and comments. */
  default ScriptSplitter scriptSplitter() {
    return ScriptSplitter.STANDARD;
  }

  /**
   * Statements that empty the tables in one transaction, children before the parents their foreign
   * keys reference ({@code --target-mode truncate}): DELETE, which every engine runs in a
   * transaction and with foreign keys in place; an engine overrides with its faster way.
   */
  default List<String> emptyTables(List<TableRef> childrenFirst) {
    return childrenFirst.stream().map(t -> "DELETE FROM " + qualified(t)).toList();
  }

  /** Statement that deletes every row of a table. */
  default String truncate(TableRef table) {
    return "TRUNCATE TABLE " + qualified(table);
  }

  /** Creates the engine's fastest write-back for a batch of keyed rows. */
  WriteBack writeBack(Connection c, TableInfo table, List<ColumnInfo> key, List<ColumnInfo> columns)
      throws SQLException;

  /** Reads a column as the Java type of its {@link ColumnCategory}. */
  Object read(ResultSet rs, int index, ColumnInfo column) throws SQLException;

  /** Binds a value (already coerced to the column's category) as a parameter. */
  void bind(PreparedStatement ps, int index, Object value, ColumnInfo column) throws SQLException;

  /** Maps a JDBC type to a category (engines override for their own type names). */
  ColumnCategory categorize(int jdbcType, String typeName);

  /**
   * SQL that makes every later transaction of the session read-only, or null where the engine has
   * none (H2): a dry run's connections run it first, so even an injected {@code COMMIT} cannot be
   * followed by a write.
   */
  default String readOnlySession() {
    return null;
  }

  /**
   * Whether the session's user may use {@code privilege} ({@code SELECT}, {@code UPDATE} or {@code
   * TRUNCATE}) on a table; an engine maps it to its own (MySQL's TRUNCATE needs DROP).
   */
  boolean hasTablePrivilege(Connection c, TableRef table, String privilege) throws SQLException;

  /** Whether the session's user may create a table in {@code schema} (build_temp_table). */
  boolean mayCreateTable(Connection c, String schema) throws SQLException;

  /**
   * What else the engine's runs use of the session (staging tables, bulk load, locks) and whether
   * it is available, with what happens when it is not. Leaves the session as it found it.
   */
  default List<Privilege> sessionPrivileges(Connection c) throws SQLException {
    return List.of();
  }

  /** The engine's own estimate of a table's rows, from its statistics (no scan); -1 when none. */
  long estimateRows(Connection c, TableRef table) throws SQLException;

  /** The names of the triggers on a table: they fire on every row a run writes. */
  List<String> triggers(Connection c, TableRef table) throws SQLException;

  /**
   * The user triggers on a table that a run with {@code auto_manage_triggers} switches off while it
   * writes the table: enabled ones only (one the user disabled stays as it is), never the engine's
   * internal ones (foreign-key checks), in the order the engine fires them, which is the order they
   * must be brought back in. Reads the catalog only. An engine that cannot switch triggers off
   * returns them refused.
   */
  default List<ManagedTrigger> managedTriggers(Connection c, TableRef table) throws SQLException {
    return triggers(c, table).stream()
        .map(
            t ->
                ManagedTrigger.refused(
                    table, t, name() + " cannot switch triggers off; remove auto_manage_triggers"))
        .toList();
  }

  /** Applies statement and lock timeouts to a fresh connection (seconds; 0 = none). */
  default void applyTimeouts(Connection c, int statementTimeoutSeconds, int lockTimeoutSeconds)
      throws SQLException {}

  /**
   * Makes {@code schema} (the connection's {@code schema:}, as the engine stores it) the session's
   * default, so that the ruleset's own SQL ({@code run_sql}, {@code sql_select}, {@code
   * build_temp_table}) finds the tables the rules find. Transactional on some engines: the caller
   * commits.
   */
  default String useSchema(String schema) {
    return "SET SCHEMA " + quote(schema);
  }

  /**
   * A column type for long text in Guise's own tables (the progress table's last key); every engine
   * here takes {@code VARCHAR} this long except MySQL, whose rows are limited to 64 KB.
   */
  default String longTextType() {
    return "VARCHAR(65535)";
  }

  /** Reads whole schemas in bulk for discovery ({@link Catalog}). */
  Catalog catalog();

  /**
   * A bounded read of some columns of at most {@code limit} rows, for discovery's data rules: never
   * a full scan unless {@code limit} is 0 (every row, when asked for).
   *
   * @param rowEstimate the engine's estimate, -1 when unknown; an engine may sample blocks by it
   */
  default String sampleRows(TableRef table, List<String> columns, int limit, long rowEstimate) {
    return "SELECT "
        + String.join(", ", columns.stream().map(this::quote).toList())
        + " FROM "
        + qualified(table)
        + (limit > 0 ? " LIMIT " + limit : "");
  }

  /** The foreign keys that reference {@code parent}, from any schema (composite ones whole). */
  List<dev.guise.schema.ForeignKey> foreignKeysReferencing(Connection c, TableRef parent)
      throws SQLException;

  /** The foreign keys {@code child} declares (it is their child), composite ones whole. */
  List<dev.guise.schema.ForeignKey> foreignKeysOf(Connection c, TableRef child) throws SQLException;

  /**
   * Writes batches of whole rows into a table (a source → target run's target): the engine's bulk
   * load where it has one, else batched INSERTs. Never commits.
   *
   * @param columns the columns of each row, in order
   */
  default WriteBack insertInto(Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    return new BatchedInsert(this, c, table, columns);
  }

  /**
   * Whole rows read for {@link #insertInto} on {@code target} with the columns that no rule reads
   * passed through in this engine's bulk format ({@link RawRows}), or null where this engine cannot
   * (the default), the target is another engine, or a column to decode has no exact text form.
   *
   * @param columns the row's columns, in order
   * @param decode per column: whether a rule (or the key) needs its value
   */
  default RawRows rawRows(List<ColumnInfo> columns, boolean[] decode, Dialect target) {
    return null;
  }

  /**
   * The driver properties for a connection's {@code ssl} settings ({@link SslSettings}); an engine
   * without TLS settings here refuses them.
   */
  default java.util.Map<String, String> sslProperties(SslSettings ssl) {
    throw new IllegalArgumentException(name() + " takes no ssl settings in the connections file");
  }

  /** What the key path needs of this engine (constraints, rewrites, sequences). */
  KeyRewriteSql keyRewriteSql();
}
