package dev.guise.db.h2;

import dev.guise.db.StandardDialect;
import java.util.List;

/**
 * H2, the embedded default. H2 upper-cases unquoted identifiers; the dialect quotes the real
 * (introspected) names, so {@code customers} in a ruleset finds {@code CUSTOMERS}. Write-back is
 * the standard batched keyed UPDATE; H2 runs in-process, so there is no round trip for a staging
 * table to save.
 */
public final class H2Dialect extends StandardDialect {
  @Override
  public String name() {
    return "h2";
  }

  @Override
  public List<String> dbTypes() {
    return List.of("h2");
  }

  @Override
  public boolean acceptsUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:h2:");
  }

  @Override
  public String jdbcUrl(String host, Integer port, String database) {
    if (host == null) {
      return "jdbc:h2:" + database;
    }
    return "jdbc:h2:tcp://" + host + (port == null ? "" : ":" + port) + "/" + database;
  }
}
