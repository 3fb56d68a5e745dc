package dev.guise.schema;

/**
 * A column as the engine's catalog describes it, for discovery reports.
 *
 * @param dataType the engine's type name, e.g. {@code character varying} or {@code int}
 * @param maxLength characters a text column holds; 0 when unbounded or not text
 * @param precision digits of a decimal column; 0 when not one
 * @param scale decimal places of a decimal column
 */
public record CatalogColumn(
    String name,
    String dataType,
    long maxLength,
    int precision,
    int scale,
    boolean nullable,
    ColumnCategory category) {}
