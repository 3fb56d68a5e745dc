package dev.guise.it;

import dev.guise.it.IntegrationServers.Engine;

/** The key path on MariaDB: GUISE_IT_MARIADB_URL's server, else an embedded one. */
class MariaDbKeyPathIT extends KeyPathContract {
  @Override
  TestEngine createEngine() {
    return IntegrationServers.url(Engine.MARIADB).map(MariaDbEngine::new).orElse(null);
  }

  @Override
  String whySkipped() {
    return IntegrationServers.whySkipped(Engine.MARIADB);
  }
}
