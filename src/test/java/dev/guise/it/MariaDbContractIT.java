package dev.guise.it;

/** The dialect contract on MariaDB; set GUISE_IT_MARIADB_URL to run it. */
class MariaDbContractIT extends DialectContract {
  @Override
  TestEngine createEngine() {
    String url = System.getenv(MariaDbEngine.ENV);
    return url == null || url.isBlank() ? null : new MariaDbEngine(url);
  }

  @Override
  String whySkipped() {
    return MariaDbEngine.ENV
        + " is not set (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root);"
        + " MariaDB contract tests skipped";
  }
}
