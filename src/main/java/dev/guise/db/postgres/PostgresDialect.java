package dev.guise.db.postgres;

import dev.guise.db.Dialect;
import dev.guise.db.KeyedUpdateWriteBack;
import dev.guise.db.LockNames;
import dev.guise.db.ManagedTrigger;
import dev.guise.db.Privilege;
import dev.guise.db.RawRows;
import dev.guise.db.ScriptSplitter;
import dev.guise.db.SessionLocks;
import dev.guise.db.StandardDialect;
import dev.guise.db.TableLocks;
import dev.guise.db.WriteBack;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.IdentifierRules;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL. Unquoted names fold to lower case, so {@code Customers} in a ruleset finds {@code
 * customers}; the dialect quotes the real names. Write-back streams each batch into a temporary
 * table with {@code COPY} and applies it with one {@code UPDATE ... FROM}; where the user may not
 * create temporary tables it falls back to batched keyed UPDATEs.
 */
public final class PostgresDialect extends StandardDialect {
  @Override
  public dev.guise.db.Catalog catalog() {
    return new PostgresCatalog();
  }

  /**
   * Block sampling on a table much larger than the sample: a LIMIT read would take its first pages
   * only.
   */
  @Override
  public String sampleRows(TableRef table, List<String> columns, int limit, long rowEstimate) {
    String plain = super.sampleRows(table, columns, limit, rowEstimate);
    if (limit <= 0 || rowEstimate < 10L * limit) {
      return plain;
    }
    double percent = Math.min(100.0, Math.max(0.001, 300.0 * limit / rowEstimate));
    return plain.replace(
        " FROM " + qualified(table),
        " FROM "
            + qualified(table)
            + " TABLESAMPLE SYSTEM ("
            + String.format(java.util.Locale.ROOT, "%.3f", percent)
            + ")");
  }

  /**
   * The schema first, then PostgreSQL's default path, so functions in {@code public} still resolve.
   */
  @Override
  public String useSchema(String schema) {
    return "SET search_path TO " + quote(schema) + ", \"$user\", public";
  }

  /**
   * Text types a bound {@code varchar} converts to; anything else (enums, domains) goes untyped.
   */
  private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "bpchar", "char", "name");

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public List<String> dbTypes() {
    return List.of("postgres", "postgresql");
  }

  @Override
  public boolean acceptsUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  @Override
  public String jdbcUrl(String host, Integer port, String database) {
    return "jdbc:postgresql://"
        + (host == null ? "localhost" : host)
        + (port == null ? "" : ":" + port)
        + "/"
        + database;
  }

  @Override
  public String unquotedName(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public IdentifierRules identifierRules() {
    return new IdentifierRules(IdentifierRules.Folding.LOWER, false);
  }

  @Override
  public ScriptSplitter scriptSplitter() {
    return ScriptSplitter.POSTGRES;
  }

  /**
   * Session-level advisory locks keyed by the first 8 bytes of the name's SHA-256; shared ones for
   * the shards of a table, which a whole run's exclusive lock on it excludes.
   */
  @Override
  public TableLocks tableLocks(TableLocks.Opener dedicated, String guiseSchema) {
    return new SessionLocks(
        dedicated,
        "SELECT pg_try_advisory_lock(?)",
        "SELECT pg_advisory_unlock(?)",
        "SELECT pg_try_advisory_lock_shared(?)",
        "SELECT pg_advisory_unlock_shared(?)",
        LockNames::key);
  }

  @Override
  public String readOnlySession() {
    return "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
  }

  @Override
  public ColumnCategory categorize(int jdbcType, String typeName) {
    String t = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "timestamptz" -> ColumnCategory.TIMESTAMP_TZ;
      case "timetz" -> ColumnCategory.OTHER;
      case "bool" -> ColumnCategory.BOOLEAN;
      case "bit", "varbit" -> ColumnCategory.OTHER; // bit strings, not booleans
      default -> super.categorize(jdbcType, typeName);
    };
  }

  @Override
  public void bind(PreparedStatement ps, int i, Object value, ColumnInfo column)
      throws SQLException {
    if (untyped(column)) {
      // json, uuid, enums and domains accept text only as an untyped literal
      if (value == null) {
        ps.setNull(i, Types.OTHER);
      } else {
        ps.setObject(i, value.toString(), Types.OTHER);
      }
      return;
    }
    super.bind(ps, i, value, column);
  }

  private static boolean untyped(ColumnInfo column) {
    return switch (column.category()) {
      case JSON, UUID, OTHER -> true;
      case TEXT -> !TEXT_TYPES.contains(column.typeName().toLowerCase(Locale.ROOT));
      default -> false;
    };
  }

  /** One TRUNCATE of every table: transactional here, and the foreign keys among them allow it. */
  @Override
  public List<String> emptyTables(List<TableRef> childrenFirst) {
    return List.of(
        "TRUNCATE TABLE "
            + String.join(", ", childrenFirst.stream().map(this::qualified).toList()));
  }

  @Override
  public WriteBack insertInto(Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    return PostgresCopyWriteBack.insert(this, c, table, columns);
  }

  @Override
  public RawRows rawRows(List<ColumnInfo> columns, boolean[] decode, Dialect target) {
    return target instanceof PostgresDialect ? PostgresCopyRows.of(columns, decode) : null;
  }

  @Override
  public java.util.Map<String, String> sslProperties(dev.guise.db.SslSettings ssl) {
    if (ssl.values().keySet().stream().anyMatch(k -> k.startsWith("trust_store"))) {
      throw new IllegalArgumentException(
          "PostgreSQL verifies the server with root_cert (a PEM file), not a trust store");
    }
    java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
    p.put("ssl", ssl.disabled() ? "false" : "true");
    p.put("sslmode", ssl.mode());
    ssl.ifSet("root_cert", v -> p.put("sslrootcert", v));
    ssl.ifSet("client_cert", v -> p.put("sslcert", v));
    ssl.ifSet("client_key", v -> p.put("sslkey", v));
    ssl.ifSet("key_password", v -> p.put("sslpassword", v));
    return p;
  }

  @Override
  public WriteBack writeBack(
      Connection c, TableInfo table, List<ColumnInfo> key, List<ColumnInfo> columns)
      throws SQLException {
    if (mayCreateTempTables(c)) {
      return new PostgresCopyWriteBack(this, c, table.ref(), key, columns);
    }
    return new KeyedUpdateWriteBack(this, c, table.ref(), key, columns);
  }

  private static boolean mayCreateTempTables(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT has_database_privilege(current_database(), 'TEMPORARY')"
                    + " AND NOT pg_is_in_recovery()")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /**
   * Session settings, committed at once: a SET inside a transaction that later rolls back would be
   * undone with it.
   */
  @Override
  public void applyTimeouts(Connection c, int statementTimeoutSeconds, int lockTimeoutSeconds)
      throws SQLException {
    if (statementTimeoutSeconds <= 0 && lockTimeoutSeconds <= 0) {
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute("SET statement_timeout = " + Math.max(0, statementTimeoutSeconds) * 1000L);
      st.execute("SET lock_timeout = " + Math.max(0, lockTimeoutSeconds) * 1000L);
    }
    c.commit();
  }

  /** {@code has_table_privilege} also sees grants through roles and ownership. */
  @Override
  public boolean hasTablePrivilege(Connection c, TableRef table, String privilege)
      throws SQLException {
    return exists(
        c,
        "SELECT has_table_privilege(?::regclass, ?)",
        table.schema() == null ? quote(table.name()) : qualified(table),
        privilege);
  }

  @Override
  public boolean mayCreateTable(Connection c, String schema) throws SQLException {
    return exists(
        c, "SELECT has_schema_privilege(?, 'CREATE')", schema == null ? currentSchema(c) : schema);
  }

  @Override
  public List<Privilege> sessionPrivileges(Connection c) throws SQLException {
    boolean temp = exists(c, "SELECT has_database_privilege(current_database(), 'TEMPORARY')");
    boolean lock;
    try {
      // a key no run uses; taken and given back at once
      lock = exists(c, "SELECT pg_try_advisory_lock(-1163152713)");
      if (lock) {
        exists(c, "SELECT pg_advisory_unlock(-1163152713)");
      }
    } catch (SQLException refused) {
      lock = false;
      c.rollback();
    }
    return List.of(
        new Privilege(
            "TEMPORARY",
            "database",
            temp ? Privilege.Status.GRANTED : Privilege.Status.LIMITED,
            temp
                ? null
                : "write-back falls back from COPY into a temp table to keyed UPDATEs (slower)"),
        Privilege.of(
            "advisory locks", "pg_try_advisory_lock", lock, "runs cannot lock their tables"));
  }

  /** The planner's statistics: -1 (or 0 before PostgreSQL 14) until the table is analyzed. */
  @Override
  public long estimateRows(Connection c, TableRef table) throws SQLException {
    long n =
        firstLong(
            c,
            "SELECT reltuples::bigint FROM pg_class WHERE oid = ?::regclass",
            table.schema() == null ? quote(table.name()) : qualified(table));
    return n < 0 ? -1 : n;
  }

  @Override
  public List<ManagedTrigger> managedTriggers(Connection c, TableRef table) throws SQLException {
    return PostgresTriggers.of(c, this, table);
  }

  @Override
  public dev.guise.db.KeyRewriteSql keyRewriteSql() {
    return new PostgresKeyRewriteSql(this);
  }
}
