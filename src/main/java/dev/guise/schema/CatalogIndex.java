package dev.guise.schema;

import java.util.List;

/** An index or key constraint of a table, with its columns in order. */
public record CatalogIndex(String name, List<String> columns, boolean primary, boolean unique) {}
