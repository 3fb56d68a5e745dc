package dev.guise.yaml;

/**
 * A position in a source file, 1-based, printed as {@code file:line:col}.
 *
 * @param via for text brought in from a ruleset library by a {@code $ref}: where that {@code $ref}
 *     is (itself with its own {@code via} when the reference was nested); null otherwise
 */
public record Location(String file, int line, int column, Location via) {
  public Location(String file, int line, int column) {
    this(file, line, column, null);
  }

  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  /** This position, reached through a {@code $ref} at {@code ref} (appended to any chain). */
  public Location through(Location ref) {
    return new Location(file, line, column, via == null ? ref : via.through(ref));
  }

  @Override
  public String toString() {
    String at = line <= 0 ? file : file + ":" + line + ":" + column;
    return via == null ? at : at + " (via $ref at " + via + ")";
  }
}
