package dev.guise.db;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.DidYouMean;
import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A {@code type: file} connection of connections.yml: a folder that a file run reads from (its
 * {@code --source}) or writes masked files into (its {@code --target}).
 *
 * @param path the folder, resolved against the connections file's folder when relative
 */
public record FileConnection(String name, Path path, Location location) {
  private static final Set<String> KEYS = Set.of("type", "path");

  /** Reads one file connection; null (reported) when it is not one. */
  static FileConnection read(String name, YNode.YMap m, Path file, Diagnostics d) {
    String type = m.get("type") instanceof YNode.YScalar s && s.value() != null ? s.asText() : null;
    if (!"file".equals(type)) {
      d.error(
          "invalid-parameter",
          m.keyLocation("type"),
          "connection '"
              + name
              + "': type must be 'file' (a folder of files); for a database use db_type or url");
      return null;
    }
    boolean ok = true;
    for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        d.error(
            "unknown-key",
            m.keyLocation(e.getKey()),
            "unknown key '"
                + e.getKey()
                + "' in file connection '"
                + name
                + "' (it takes type and path)"
                + DidYouMean.hint(e.getKey(), KEYS));
        ok = false;
      }
    }
    String path = m.get("path") instanceof YNode.YScalar s && s.value() != null ? s.asText() : null;
    if (path == null || path.isBlank()) {
      d.error(
          "missing-key",
          m.location(),
          "file connection '" + name + "' needs 'path', the folder of its files");
      return null;
    }
    Path base = file.toAbsolutePath().getParent();
    return ok ? new FileConnection(name, base.resolve(path).normalize(), m.location()) : null;
  }
}
