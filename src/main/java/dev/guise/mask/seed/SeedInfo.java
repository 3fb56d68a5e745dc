package dev.guise.mask.seed;

import java.util.List;

/**
 * One line of {@code guise seeds list}.
 *
 * @param name seed name without {@code .csv}, e.g. {@code first_names}
 * @param source where the file was found
 * @param location the user file path, or {@code classpath:seeds/<name>.csv}
 * @param rowCount data rows, the header excluded
 * @param columns header names
 */
public record SeedInfo(
    String name, SeedSource source, String location, int rowCount, List<String> columns) {
  public SeedInfo {
    columns = List.copyOf(columns);
  }
}
