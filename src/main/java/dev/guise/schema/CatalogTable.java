package dev.guise.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table as the catalog describes it: columns, keys and indexes, foreign keys in both directions
 * and the engine's row estimate (-1 when it has none).
 */
public record CatalogTable(
    TableRef ref,
    List<CatalogColumn> columns,
    List<String> primaryKey,
    List<CatalogIndex> indexes,
    List<ForeignKey> foreignKeys,
    List<ForeignKey> referencedBy,
    long rowEstimate) {

  public Optional<CatalogColumn> column(String name) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The unique keys (primary first), each a list of columns. */
  public List<List<String>> uniqueKeys() {
    return indexes.stream()
        .filter(CatalogIndex::unique)
        .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
        .map(CatalogIndex::columns)
        .distinct()
        .toList();
  }

  /** The foreign keys leaving from this column. */
  public List<ForeignKey> foreignKeysOf(String column) {
    return foreignKeys.stream().filter(f -> containsIgnoreCase(f.childColumns(), column)).toList();
  }

  /** The foreign keys of other tables that point at this column. */
  public List<ForeignKey> referencesTo(String column) {
    return referencedBy.stream()
        .filter(f -> containsIgnoreCase(f.parentColumns(), column))
        .toList();
  }

  public boolean inPrimaryKey(String column) {
    return containsIgnoreCase(primaryKey, column);
  }

  private static boolean containsIgnoreCase(List<String> names, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return names.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(n));
  }
}
