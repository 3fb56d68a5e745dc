package dev.guise.db.mysql;

import dev.guise.db.BatchedInsert;
import dev.guise.db.KeyedUpdateWriteBack;
import dev.guise.db.LockNames;
import dev.guise.db.ManagedTrigger;
import dev.guise.db.Privilege;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * MySQL 8, through the MariaDB driver (the only MySQL-protocol driver Guise ships). A MySQL schema
 * is a database, which JDBC calls a catalog; table-name case follows the server's {@code
 * lower_case_table_names}, which the exact-then-case-insensitive lookup covers. Write-back fills a
 * temporary table with multi-row INSERTs and applies it with one {@code UPDATE ... JOIN}.
 */
public class MySqlDialect extends StandardDialect {
  /** A schema is a database here. */
  @Override
  public String useSchema(String schema) {
    return "USE " + quote(schema);
  }

  @Override
  public dev.guise.db.Catalog catalog() {
    return new MySqlCatalog();
  }

  @Override
  public String name() {
    return "mysql";
  }

  @Override
  public List<String> dbTypes() {
    return List.of("mysql");
  }

  @Override
  public boolean acceptsUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:mysql:");
  }

  @Override
  public String jdbcUrl(String host, Integer port, String database) {
    return scheme()
        + "//"
        + (host == null ? "localhost" : host)
        + (port == null ? "" : ":" + port)
        + "/"
        + database;
  }

  /** The URL scheme of {@link #jdbcUrl}. */
  protected String scheme() {
    return "jdbc:mysql:";
  }

  /** The MariaDB driver takes {@code jdbc:mysql:} URLs only with {@code permitMysqlScheme}. */
  @Override
  public String driverUrl(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.contains("permitMysqlScheme")) {
      return jdbcUrl;
    }
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "permitMysqlScheme";
  }

  /** A VARCHAR(65535) alone would fill MySQL's 64 KB row limit. */
  @Override
  public String longTextType() {
    return "TEXT";
  }

  @Override
  public String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** Table-name case follows {@code lower_case_table_names} alike for quoted and unquoted names. */
  @Override
  public String unquotedName(String name) {
    return name;
  }

  /** Backticks quote names here; double quotes do too in a ruleset, so one runs everywhere. */
  @Override
  public IdentifierRules identifierRules() {
    return new IdentifierRules(IdentifierRules.Folding.NONE, true);
  }

  @Override
  public ScriptSplitter scriptSplitter() {
    return ScriptSplitter.MYSQL;
  }

  /** {@code GET_LOCK} names are server-wide and at most 64 characters: a hash of the name. */
  @Override
  public TableLocks tableLocks(TableLocks.Opener dedicated, String guiseSchema) {
    return new SessionLocks(
        dedicated, "SELECT GET_LOCK(?, 0)", "SELECT RELEASE_LOCK(?)", LockNames::hashed);
  }

  @Override
  public String readOnlySession() {
    return "SET SESSION TRANSACTION READ ONLY";
  }

  @Override
  protected boolean schemasAreCatalogs() {
    return true;
  }

  @Override
  protected String currentSchema(Connection c) throws SQLException {
    return c.getCatalog();
  }

  @Override
  public ColumnCategory categorize(int jdbcType, String typeName) {
    String t = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    return switch (t) {
      case "JSON" -> ColumnCategory.JSON;
      case "YEAR" -> ColumnCategory.INTEGER;
      case "ENUM", "SET" -> ColumnCategory.TEXT;
      default -> super.categorize(jdbcType, typeName);
    };
  }

  /** {@code BIT(1)} is a boolean, a wider {@code BIT(n)} a bit string. */
  @Override
  protected List<ColumnInfo> refineColumns(Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    return columns.stream()
        .map(
            col ->
                col.jdbcType() == Types.BIT && col.size() > 1
                    ? withCategory(col, ColumnCategory.BINARY)
                    : col)
        .toList();
  }

  /** The column re-categorised. */
  protected static ColumnInfo withCategory(ColumnInfo c, ColumnCategory category) {
    return new ColumnInfo(
        c.name(), c.jdbcType(), c.typeName(), c.size(), c.scale(), c.nullable(), category);
  }

  @Override
  public java.util.Map<String, String> sslProperties(dev.guise.db.SslSettings ssl) {
    java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
    // the MariaDB driver's sslMode: trust encrypts without verifying, as PostgreSQL's require
    p.put(
        "sslMode",
        switch (ssl.mode()) {
          case "require" -> "trust";
          default -> ssl.mode();
        });
    ssl.ifSet("root_cert", v -> p.put("serverSslCert", v));
    ssl.ifSet("client_cert", v -> p.put("keyStore", v));
    ssl.ifSet("key_password", v -> p.put("keyStorePassword", v));
    ssl.ifSet("trust_store", v -> p.put("trustStore", v));
    ssl.ifSet("trust_store_password", v -> p.put("trustStorePassword", v));
    ssl.ifSet("trust_store_type", v -> p.put("trustStoreType", v));
    return p;
  }

  @Override
  public WriteBack writeBack(
      Connection c, TableInfo table, List<ColumnInfo> key, List<ColumnInfo> columns)
      throws SQLException {
    try {
      return new MySqlTempTableWriteBack(this, c, table.ref(), key, columns);
    } catch (SQLException e) {
      // no CREATE TEMPORARY TABLES privilege (or a read-only replica): the portable path
      return new KeyedUpdateWriteBack(this, c, table.ref(), key, columns);
    }
  }

  /**
   * {@code LOAD DATA LOCAL INFILE} of each batch ({@link MySqlLoadDataInsert}) where every column
   * has a text form it reads back exactly; batched INSERTs when the server refuses it (its {@code
   * local_infile} is OFF, or the URL sets the driver's {@code allowLocalInfile=false}), with a
   * warning for the run log. Asked once per table, by loading nothing.
   */
  @Override
  public WriteBack insertInto(Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    if (!LoadDataLocal.encodes(columns)) {
      return super.insertInto(c, table, columns);
    }
    LoadDataLocal load = new LoadDataLocal(this, qualified(table), table.toString(), columns);
    SQLException refused = load.refusal(c);
    if (refused == null) {
      return new MySqlLoadDataInsert(c, load);
    }
    return new BatchedInsert(
        this,
        c,
        table,
        columns,
        table
            + " - the server refused LOAD DATA LOCAL INFILE (error "
            + refused.getErrorCode()
            + "), so rows are written with batched INSERTs (slower); set local_infile=ON on the"
            + " server and leave the driver's allowLocalInfile on");
  }

  @Override
  public void applyTimeouts(Connection c, int statementTimeoutSeconds, int lockTimeoutSeconds)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      if (statementTimeoutSeconds > 0) {
        st.execute(statementTimeout(statementTimeoutSeconds));
      }
      if (lockTimeoutSeconds > 0) {
        st.execute("SET SESSION innodb_lock_wait_timeout = " + lockTimeoutSeconds);
      }
    }
  }

  /** MySQL's statement limit is in milliseconds and applies to SELECTs only. */
  protected String statementTimeout(int seconds) {
    return "SET SESSION max_execution_time = " + seconds * 1000L;
  }

  /**
   * information_schema shows the user's own grants, global, per database and per table; TRUNCATE
   * needs DROP here.
   */
  @Override
  public boolean hasTablePrivilege(Connection c, TableRef table, String privilege)
      throws SQLException {
    String p = privilege.equals("TRUNCATE") ? "DROP" : privilege;
    String schema = table.schema() == null ? currentSchema(c) : table.schema();
    return hasSchemaPrivilege(c, schema, p)
        || exists(
            c,
            "SELECT COUNT(*) > 0 FROM information_schema.table_privileges WHERE grantee = ?"
                + " AND table_schema = ? AND table_name = ? AND privilege_type = ?",
            grantee(c),
            schema,
            table.name(),
            p);
  }

  @Override
  public boolean mayCreateTable(Connection c, String schema) throws SQLException {
    return hasSchemaPrivilege(c, schema, "CREATE");
  }

  @Override
  public List<Privilege> sessionPrivileges(Connection c) throws SQLException {
    boolean temp = hasSchemaPrivilege(c, null, "CREATE TEMPORARY TABLES");
    boolean infile = exists(c, "SELECT @@GLOBAL.local_infile = 1");
    boolean lock = exists(c, "SELECT GET_LOCK('guise-connections-test', 0) = 1");
    if (lock) {
      exists(c, "SELECT RELEASE_LOCK('guise-connections-test')");
    }
    return List.of(
        new Privilege(
            "CREATE TEMPORARY TABLES",
            "database",
            temp ? Privilege.Status.GRANTED : Privilege.Status.LIMITED,
            temp ? null : "write-back falls back from a staging table to keyed UPDATEs (slower)"),
        new Privilege(
            "local_infile",
            "server",
            infile ? Privilege.Status.GRANTED : Privilege.Status.LIMITED,
            infile
                ? null
                : "local_infile is OFF: staging tables and source → target inserts use INSERTs instead of LOAD DATA LOCAL (slower)"),
        Privilege.of("GET_LOCK", "server", lock, "runs cannot lock their tables"));
  }

  /** Granted globally or on the database (whose name may be a LIKE pattern in a grant). */
  private boolean hasSchemaPrivilege(Connection c, String schema, String privilege)
      throws SQLException {
    String s = schema == null ? currentSchema(c) : schema;
    String grantee = grantee(c);
    return exists(
        c,
        "SELECT COUNT(*) > 0 FROM ("
            + "SELECT 1 FROM information_schema.user_privileges"
            + " WHERE grantee = ? AND privilege_type = ?"
            + " UNION ALL SELECT 1 FROM information_schema.schema_privileges"
            + " WHERE grantee = ? AND ? LIKE table_schema AND privilege_type = ?) g",
        grantee,
        privilege,
        grantee,
        s,
        privilege);
  }

  /** CURRENT_USER() as information_schema spells a grantee: {@code 'user'@'host'}. */
  private static String grantee(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT CURRENT_USER()")) {
      rs.next();
      String u = rs.getString(1);
      int at = u.lastIndexOf('@');
      return "'" + u.substring(0, at) + "'@'" + u.substring(at + 1) + "'";
    }
  }

  /** InnoDB's estimate, which can be off by tens of percent. */
  @Override
  public long estimateRows(Connection c, TableRef table) throws SQLException {
    return firstLong(
        c,
        "SELECT table_rows FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        table.schema() == null ? currentSchema(c) : table.schema(),
        table.name());
  }

  @Override
  public List<ManagedTrigger> managedTriggers(Connection c, TableRef table) throws SQLException {
    return MySqlTriggers.of(c, this, table);
  }

  @Override
  public dev.guise.db.KeyRewriteSql keyRewriteSql() {
    return new MySqlKeyRewriteSql(this);
  }

  /**
   * From information_schema ({@link MySqlForeignKeys}): the driver's {@code getExportedKeys} names
   * a child in another schema with the parent's schema.
   */
  @Override
  public List<dev.guise.schema.ForeignKey> foreignKeysReferencing(
      java.sql.Connection c, dev.guise.schema.TableRef parent) throws java.sql.SQLException {
    return MySqlForeignKeys.referencing(c, parent);
  }
}
