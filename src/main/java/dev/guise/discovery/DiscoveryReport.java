package dev.guise.discovery;

import dev.guise.schema.CatalogTable;
import dev.guise.schema.TableRef;
import java.util.List;
import java.util.Optional;

/**
 * What {@code guise discover} found: the tables read and the sensitive columns among them, and when
 * a ruleset was given, how each sensitive column is covered.
 *
 * @param sampleRows the sample size asked for (0: every row)
 * @param coverage one entry per finding, in the same order, or empty without a ruleset
 */
public record DiscoveryReport(
    List<CatalogTable> tables, List<Finding> findings, int sampleRows, List<Coverage> coverage) {

  public Optional<CatalogTable> table(TableRef ref) {
    return tables.stream().filter(t -> t.ref().equals(ref)).findFirst();
  }

  public DiscoveryReport withCoverage(List<Coverage> c) {
    return new DiscoveryReport(tables, findings, sampleRows, c);
  }

  /** The report with more findings (columns chosen by hand); coverage is dropped. */
  public DiscoveryReport withMoreFindings(List<Finding> more) {
    List<Finding> all = new java.util.ArrayList<>(findings);
    all.addAll(more);
    return new DiscoveryReport(tables, List.copyOf(all), sampleRows, List.of());
  }

  public long columnCount() {
    return tables.stream().mapToLong(t -> t.columns().size()).sum();
  }

  public long uncovered() {
    return coverage.stream().filter(c -> !c.covered()).count();
  }
}
