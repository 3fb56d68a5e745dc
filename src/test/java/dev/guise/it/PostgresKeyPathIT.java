package dev.guise.it;

import dev.guise.it.IntegrationServers.Engine;

/** The key path on PostgreSQL: GUISE_IT_POSTGRES_URL's server, else an embedded one. */
class PostgresKeyPathIT extends KeyPathContract {
  @Override
  TestEngine createEngine() {
    return IntegrationServers.url(Engine.POSTGRES).map(PostgresEngine::new).orElse(null);
  }

  @Override
  String whySkipped() {
    return IntegrationServers.whySkipped(Engine.POSTGRES);
  }
}
