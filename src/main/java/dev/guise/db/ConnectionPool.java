package dev.guise.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A HikariCP pool for one configured connection. Errors never show the password. */
public final class ConnectionPool implements AutoCloseable {
  private static final Pattern URL_USER =
      Pattern.compile("[?&;]user=([^&;]*)", Pattern.CASE_INSENSITIVE);
  private final ConnectionConfig config;
  private final HikariDataSource ds;
  private final boolean readOnly;

  /** The statement that makes the connection's schema the session's default; "" when none. */
  private volatile String useSchema;

  private ConnectionPool(ConnectionConfig config, HikariDataSource ds, boolean readOnly) {
    this.config = config;
    this.ds = ds;
    this.readOnly = readOnly;
  }

  /** Opens the pool and checks that the database answers. */
  public static ConnectionPool open(ConnectionConfig config, int maxConnections) {
    return open(config, maxConnections, false);
  }

  /**
   * @param readOnly every connection's session is made read-only (a dry run): a later transaction
   *     cannot write, even after an injected {@code COMMIT}
   */
  public static ConnectionPool open(ConnectionConfig config, int maxConnections, boolean readOnly) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("guise-" + config.name());
    hc.setJdbcUrl(config.dialect().driverUrl(config.jdbcUrl()));
    if (config.user() != null) {
      hc.setUsername(config.user());
    }
    if (config.password() != null) {
      hc.setPassword(config.password());
    }
    config.properties().forEach(hc::addDataSourceProperty);
    hc.setMaximumPoolSize(Math.max(1, maxConnections));
    hc.setMinimumIdle(0);
    hc.setAutoCommit(false);
    hc.setConnectionTimeout(15_000);
    // one attempt: a refused connection fails at once; a slow one is bounded by the driver timeout
    hc.setInitializationFailTimeout(1);
    try {
      if (readOnly) {
        hc.setReadOnly(true);
      }
      return new ConnectionPool(config, new HikariDataSource(hc), readOnly);
    } catch (RuntimeException e) {
      throw unreachable(config, e);
    }
  }

  /** The most connections the pool opens at once. */
  public int maxConnections() {
    return ds.getMaximumPoolSize();
  }

  public ConnectionConfig config() {
    return config;
  }

  public Dialect dialect() {
    return config.dialect();
  }

  /** A connection with auto-commit off and the configured timeouts applied. */
  public Connection connection() {
    try {
      Connection c = ds.getConnection();
      config
          .dialect()
          .applyTimeouts(c, config.statementTimeoutSeconds(), config.lockTimeoutSeconds());
      String readOnlySession = readOnly ? config.dialect().readOnlySession() : null;
      if (readOnlySession != null) {
        try (java.sql.Statement st = c.createStatement()) {
          st.execute(readOnlySession);
        }
        c.commit(); // a session setting, kept only once its transaction commits
      }
      String use = useSchema(c);
      if (!use.isEmpty()) {
        try (java.sql.Statement st = c.createStatement()) {
          st.execute(use);
        }
        c.commit();
      }
      return c;
    } catch (SQLException e) {
      throw unreachable(config, e);
    }
  }

  private String useSchema(Connection c) throws SQLException {
    String use = useSchema;
    if (use == null) {
      String stored = config.schema();
      if (stored != null && config.dialect() instanceof StandardDialect sd) {
        stored = new TableIntrospection(sd).storedSchema(c, stored);
      }
      c.rollback();
      // a schema that does not exist is left to the table lookups, which name it
      use = stored == null ? "" : config.dialect().useSchema(stored);
      useSchema = use;
    }
    return use;
  }

  /**
   * A connection outside the pool, for the run's locks: it lives as long as the run and must not be
   * retired or reused by the pool. Auto-commit as the driver opens it.
   */
  public Connection dedicatedConnection() throws SQLException {
    Properties p = new Properties();
    config.properties().forEach(p::setProperty);
    if (config.user() != null) {
      p.setProperty("user", config.user());
    }
    if (config.password() != null) {
      p.setProperty("password", config.password());
    }
    return DriverManager.getConnection(config.dialect().driverUrl(config.jdbcUrl()), p);
  }

  private static GuiseException unreachable(ConnectionConfig config, Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (config.password() != null && !config.password().isEmpty()) {
      reason = reason.replace(config.password(), "***");
    }
    if (authenticationFailed(e)) {
      return new GuiseException(
          ErrorCode.DATABASE,
          "connection '"
              + config.name()
              + "' ("
              + config.redactedUrl()
              + ") - authentication failed for user "
              + user(config)
              + "; check the password (and that this user may log in from this host)",
          null);
    }
    return new GuiseException(
        ErrorCode.DATABASE,
        "connection '"
            + config.name()
            + "' ("
            + config.redactedUrl()
            + ") - cannot connect: "
            + Redact.url(reason)
            + "; check that the database is running and the settings are right",
        null);
  }

  /**
   * SQLSTATE class 28 (invalid authorization: PostgreSQL 28P01/28000, H2 28000) or MariaDB's 1045
   * (access denied for a user and password), anywhere in the cause chain.
   */
  private static boolean authenticationFailed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s
          && ((s.getSQLState() != null && s.getSQLState().startsWith("28"))
              || s.getErrorCode() == 1045)) {
        return true;
      }
    }
    return false;
  }

  /** The configured user, else the URL's {@code user} parameter: never the password. */
  private static String user(ConnectionConfig config) {
    if (config.user() != null) {
      return config.user();
    }
    Matcher m = URL_USER.matcher(config.jdbcUrl());
    return m.find() ? m.group(1) : "(the driver's default)";
  }

  @Override
  public void close() {
    ds.close();
  }
}
