package dev.guise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.discovery.DiscoveryReport;
import dev.guise.discovery.DiscoveryRules;
import dev.guise.discovery.Finding;
import dev.guise.discovery.SchemaDiscovery;
import dev.guise.discovery.SensitiveDiscovery;
import dev.guise.schema.CatalogTable;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Discovery against the labelled database of {@code discovery/labelled-db.csv} on every engine:
 * prints precision and recall, and holds them at 0.9 and 0.95 (metadata and data rules together).
 */
class LabelledDiscoveryIT {
  static java.util.stream.Stream<String> engines() {
    return Engines.names();
  }

  @ParameterizedTest
  @MethodSource("engines")
  void precisionAndRecallOnTheLabelledDatabase(String engineName) throws Exception {
    try (TestEngine e = Engines.named(engineName)) {
      e.open();
      LabelledData.create(e);
      List<CatalogTable> tables =
          SchemaDiscovery.read(e.admin(), e.dialect(), List.of(e.schema), List.of());
      assertThat(tables).hasSize(20);
      assertThat(tables.stream().mapToInt(t -> t.columns().size()).sum())
          .isEqualTo(LabelledData.columns().size());
      DiscoveryReport report =
          new SensitiveDiscovery(DiscoveryRules.builtin(), 1000, LocalDate.of(2026, 12, 1))
              .discover(e.admin(), e.dialect(), tables);
      Map<String, Finding> found =
          report.findings().stream()
              .collect(
                  Collectors.toMap(
                      f -> (f.table().name() + "." + f.column().name()).toLowerCase(Locale.ROOT),
                      f -> f));
      Set<String> sensitive = new HashSet<>();
      LabelledData.columns().stream()
          .filter(c -> !c.label().isEmpty())
          .forEach(c -> sensitive.add(c.key()));
      Set<String> falsePositives = new TreeSet<>(found.keySet());
      falsePositives.removeAll(sensitive);
      Set<String> falseNegatives = new TreeSet<>(sensitive);
      falseNegatives.removeAll(found.keySet());
      int tp = found.size() - falsePositives.size();
      double precision = found.isEmpty() ? 0 : (double) tp / found.size();
      double recall = (double) tp / sensitive.size();
      long labelled =
          LabelledData.columns().stream()
              .filter(c -> !c.label().isEmpty() && found.containsKey(c.key()))
              .filter(c -> found.get(c.key()).label().equals(c.label()))
              .count();
      System.out.printf(
          Locale.ROOT,
          "discovery on %s: precision %.3f recall %.3f (%d flagged, %d true, %d labelled right);"
              + " false positives %s; false negatives %s%n",
          engineName,
          precision,
          recall,
          found.size(),
          tp,
          labelled,
          falsePositives.stream().map(k -> k + " (" + found.get(k).reason() + ")").toList(),
          falseNegatives);
      assertThat(precision).as("precision on " + engineName).isGreaterThanOrEqualTo(0.9);
      assertThat(recall).as("recall on " + engineName).isGreaterThanOrEqualTo(0.95);
      // schema facts: composite-free FKs in both directions, the unique key, the keyless table
      CatalogTable customers = table(tables, "customers");
      assertThat(customers.primaryKey()).containsExactly("id");
      assertThat(customers.referencedBy()).hasSize(5);
      CatalogTable prefs = table(tables, "marketing_prefs");
      assertThat(prefs.primaryKey()).isEmpty();
      assertThat(prefs.uniqueKeys()).containsExactly(List.of("customer_id"));
      assertThat(prefs.foreignKeys()).hasSize(1);
      assertThat(table(tables, "audit_log").uniqueKeys()).isEmpty();
      assertThat(table(tables, "payments").column("card_number").orElseThrow().maxLength())
          .isEqualTo(19);
      assertThat(table(tables, "orders").column("total_amount").orElseThrow().precision())
          .isEqualTo(12);
    }
  }

  static CatalogTable table(List<CatalogTable> tables, String name) {
    return tables.stream()
        .filter(t -> t.ref().name().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow();
  }
}
