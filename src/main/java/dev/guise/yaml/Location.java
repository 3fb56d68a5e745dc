package dev.guise.yaml;

/** A position in a source file, 1-based, printed as {@code file:line:col}. */
public record Location(String file, int line, int column) {
  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  @Override
  public String toString() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}
