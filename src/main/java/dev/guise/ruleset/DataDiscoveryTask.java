package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import java.util.List;

/**
 * {@code run_data_discovery}: writes the sensitive-data discovery report ({@code sdd-report.csv},
 * with coverage against the ruleset it is in) into the run's folder. Only reads, so it runs in a
 * dry run too.
 *
 * @param schemas exact schema names; empty for the connection's schema
 * @param sampleRows rows sampled per table for the data rules (0: every row)
 */
public record DataDiscoveryTask(List<String> schemas, int sampleRows, Location location)
    implements Task {
  public static final String TYPE = "run_data_discovery";

  /** As {@code guise discover --sample-rows}. */
  public static final int DEFAULT_SAMPLE_ROWS = 1000;

  public static DataDiscoveryTask read(YNode.YMap map, TaskReading ctx) {
    MapFields f = ctx.fields(map, TYPE, "schemas", "sample_rows");
    List<String> schemas = List.copyOf(f.names("schemas", false));
    int sample = DEFAULT_SAMPLE_ROWS;
    YNode n = f.node("sample_rows");
    if (n != null) {
      if (n instanceof YNode.YScalar s
          && s.value() instanceof Number num
          && !(num instanceof Double || num instanceof Float)
          && num.longValue() >= 0
          && num.longValue() <= Integer.MAX_VALUE) {
        sample = num.intValue();
      } else {
        ctx.diagnostics()
            .error(
                "wrong-type",
                n.location(),
                "'sample_rows' in task '"
                    + TYPE
                    + "' must be a whole number of rows, 0 (every row) or more; found "
                    + (n instanceof YNode.YScalar s ? "'" + s.asText() + "'" : n.kind()));
      }
    }
    return new DataDiscoveryTask(schemas, sample, map.location());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
