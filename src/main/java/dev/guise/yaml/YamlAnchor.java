package dev.guise.yaml;

import java.util.List;

/**
 * An anchored node of a YAML document, from where it starts to where it ends, and the places that
 * use it ({@code *name} aliases, including those of {@code <<:} merges), in document order.
 */
public record YamlAnchor(String name, Location start, Location end, List<Location> uses) {
  public YamlAnchor {
    uses = List.copyOf(uses);
  }

  /** Whether a position of the same file lies within this anchored node. */
  public boolean contains(Location at) {
    return at.file().equals(start.file()) && !before(at, start) && before(at, end);
  }

  private static boolean before(Location a, Location b) {
    return a.line() < b.line() || (a.line() == b.line() && a.column() < b.column());
  }
}
