package dev.guise.db;

import java.util.Map;

/**
 * One named connection of connections.yml, with its password already resolved. {@link #toString()}
 * never shows the password.
 *
 * @param jdbcUrl the URL given or built from host/port/database
 * @param schema the schema tables are looked up in when a ruleset names none; may be null
 * @param guiseSchema where Guise keeps its own progress table in this database ({@code
 *     guise_schema}, default {@value ProgressTable#DEFAULT_SCHEMA})
 */
public record ConnectionConfig(
    String name,
    Dialect dialect,
    String jdbcUrl,
    String schema,
    String user,
    String password,
    Map<String, String> properties,
    int statementTimeoutSeconds,
    int lockTimeoutSeconds,
    String guiseSchema) {

  public ConnectionConfig {
    guiseSchema = guiseSchema == null ? ProgressTable.DEFAULT_SCHEMA : guiseSchema;
  }

  /** A connection whose progress table lives in the default schema. */
  public ConnectionConfig(
      String name,
      Dialect dialect,
      String jdbcUrl,
      String schema,
      String user,
      String password,
      Map<String, String> properties,
      int statementTimeoutSeconds,
      int lockTimeoutSeconds) {
    this(
        name,
        dialect,
        jdbcUrl,
        schema,
        user,
        password,
        properties,
        statementTimeoutSeconds,
        lockTimeoutSeconds,
        null);
  }

  public String redactedUrl() {
    return Redact.url(jdbcUrl);
  }

  @Override
  public String toString() {
    return "ConnectionConfig[" + name + ", " + dialect.name() + ", " + redactedUrl() + "]";
  }
}
