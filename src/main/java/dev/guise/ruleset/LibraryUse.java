package dev.guise.ruleset;

/**
 * A ruleset library that a ruleset imported, as recorded in the run record.
 *
 * @param name as imported: {@code namespace/library} or {@code library}
 * @param file the file it was read from
 * @param sha256 hex SHA-256 of the file's bytes
 */
public record LibraryUse(String name, String file, String sha256) {}
