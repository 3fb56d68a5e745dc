package dev.guise.db.mysql;

import dev.guise.db.KeyedUpdateWriteBack;
import dev.guise.db.LockNames;
import dev.guise.db.ScriptSplitter;
import dev.guise.db.SessionLocks;
import dev.guise.db.StandardDialect;
import dev.guise.db.TableLocks;
import dev.guise.db.WriteBack;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import java.sql.Connection;
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
}
