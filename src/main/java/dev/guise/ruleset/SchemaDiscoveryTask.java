package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import java.util.List;

/**
 * {@code run_schema_discovery}: writes the schema report (tables, columns, keys, indexes, foreign
 * keys) into the run's folder. Only reads, so it runs in a dry run too.
 *
 * @param schemas exact schema names; empty for the connection's schema
 */
public record SchemaDiscoveryTask(List<String> schemas, Location location) implements Task {
  public static final String TYPE = "run_schema_discovery";

  public static SchemaDiscoveryTask read(YNode.YMap map, TaskReading ctx) {
    return new SchemaDiscoveryTask(
        List.copyOf(ctx.fields(map, TYPE, "schemas").names("schemas", false)), map.location());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
