package dev.guise.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table as introspected: columns, primary key and unique keys.
 *
 * @param uniqueKeys column lists of unique indexes and constraints (the primary key included)
 */
public record TableInfo(
    TableRef ref,
    List<ColumnInfo> columns,
    List<String> primaryKey,
    List<List<String>> uniqueKeys) {

  /** Exact match first, then a case-insensitive one. */
  public Optional<ColumnInfo> column(String name) {
    for (ColumnInfo c : columns) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    ColumnInfo found = null;
    for (ColumnInfo c : columns) {
      if (c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        if (found != null) {
          return Optional.empty(); // ambiguous: "Name" and "name" both exist
        }
        found = c;
      }
    }
    return Optional.ofNullable(found);
  }

  /** True when the given columns (real names) are exactly a primary or unique key. */
  public boolean isUniqueKey(List<String> columnNames) {
    List<String> wanted =
        columnNames.stream().map(s -> s.toLowerCase(Locale.ROOT)).sorted().toList();
    for (List<String> k : uniqueKeys) {
      if (k.stream().map(s -> s.toLowerCase(Locale.ROOT)).sorted().toList().equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
