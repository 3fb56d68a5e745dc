package dev.guise.it;

import dev.guise.it.IntegrationServers.Engine;

/** The dialect contract on PostgreSQL: GUISE_IT_POSTGRES_URL's server, else an embedded one. */
class PostgresContractIT extends DialectContract {
  @Override
  TestEngine createEngine() {
    return IntegrationServers.url(Engine.POSTGRES).map(PostgresEngine::new).orElse(null);
  }

  @Override
  String whySkipped() {
    return IntegrationServers.whySkipped(Engine.POSTGRES);
  }
}
