package dev.guise.it;

/** The dialect contract on PostgreSQL; set GUISE_IT_POSTGRES_URL to run it. */
class PostgresContractIT extends DialectContract {
  @Override
  TestEngine createEngine() {
    String url = System.getenv(PostgresEngine.ENV);
    return url == null || url.isBlank() ? null : new PostgresEngine(url);
  }

  @Override
  String whySkipped() {
    return PostgresEngine.ENV
        + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres);"
        + " PostgreSQL contract tests skipped";
  }
}
