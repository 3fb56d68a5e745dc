package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import dev.guise.yaml.YamlInput;
import dev.guise.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds and reads ruleset libraries: {@code <namespace>/<library>.yml} under each library folder in
 * turn (the {@code --libraries} folder, then {@code $GUISE_HOME/libraries}). Each library is read
 * once, through the same hostile-input limits as a ruleset, and its hash kept for the run record.
 */
final class Libraries {
  /** The sections a library may hold, as DataMasque names them. */
  static final List<String> SECTIONS =
      List.of(
          "masks",
          "database_rules",
          "tabular_file_rules",
          "file_rules",
          "columns",
          "tasks",
          "other");

  static final Set<String> LIBRARY_KEYS;

  static {
    Set<String> keys = new LinkedHashSet<>(SECTIONS);
    keys.add("version");
    keys.add("doc");
    LIBRARY_KEYS = Set.copyOf(keys);
  }

  /** A library read from its file: its top-level mapping, or null when it could not be used. */
  record Library(String name, String file, YNode.YMap root) {}

  private final List<Path> dirs;
  private final Diagnostics diagnostics;
  private final Map<String, Library> read = new LinkedHashMap<>();
  private final List<LibraryUse> used = new ArrayList<>();

  Libraries(List<Path> dirs, Diagnostics diagnostics) {
    this.dirs = List.copyOf(dirs);
    this.diagnostics = diagnostics;
  }

  /** Libraries read so far, in import order, with their hashes. */
  List<LibraryUse> used() {
    return List.copyOf(used);
  }

  /**
   * The library an {@code imports} entry names, read on first use; null after reporting at {@code
   * at} why it cannot be used.
   */
  Library load(String name, Location at) {
    if (read.containsKey(name)) {
      return read.get(name);
    }
    Library lib = find(name, at);
    read.put(name, lib);
    return lib;
  }

  /** A library file given on its own (for {@code guise validate LIBRARY.yml}). */
  static Library of(String name, String file, YNode.YMap root) {
    return new Library(name, file, root);
  }

  private Library find(String name, Location at) {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.endsWith("/")
        || name.contains("//")
        || name.contains("#")
        || name.contains("\\")
        || List.of(name.split("/")).contains("..")) {
      diagnostics.error(
          "bad-import",
          at,
          "'"
              + name
              + "' is not a library name; write 'namespace/library' or 'library' (no leading,"
              + " trailing or doubled slash)");
      return null;
    }
    int slash = name.lastIndexOf('/');
    String namespace = slash < 0 ? "" : name.substring(0, slash);
    for (Path dir : dirs) {
      for (String ext : List.of(".yml", ".yaml")) {
        Path file = dir.resolve(name + ext);
        if (Files.isRegularFile(file)) {
          return read(name, file, at);
        }
      }
    }
    if (dirs.isEmpty()) {
      diagnostics.error(
          "missing-library",
          at,
          "library '"
              + name
              + "' not found: no library folder; pass --libraries DIR or put it under"
              + " $GUISE_HOME/libraries/"
              + name
              + ".yml");
    } else if (!namespace.isEmpty()
        && dirs.stream().noneMatch(d -> Files.isDirectory(d.resolve(namespace)))) {
      diagnostics.error(
          "missing-namespace",
          at,
          "namespace '"
              + namespace
              + "' not found in "
              + dirs
              + "; check the name, or create the folder "
              + namespace
              + "/");
    } else {
      diagnostics.error(
          "missing-library",
          at,
          "library '"
              + name
              + "' not found in "
              + dirs
              + "; it would be the file "
              + name
              + ".yml in one of them");
    }
    return null;
  }

  private Library read(String name, Path file, Location at) {
    String shown = file.toString();
    long before = errors();
    YamlInput.Text in =
        YamlInput.read(file, shown, "the library '" + name + "'", "check the file", diagnostics);
    if (in == null) {
      return null;
    }
    YNode root =
        YamlReader.read(in.text(), shown, diagnostics, "a library needs 'version' and sections");
    if (!(root instanceof YNode.YMap map)) {
      if (root != null) {
        diagnostics.error(
            "wrong-type",
            root.location(),
            "a library must be a mapping of 'version' and sections, found " + root.kind());
      }
      return null;
    }
    checkDocument(map, diagnostics);
    used.add(new LibraryUse(name, shown, RulesetParser.sha256(in.bytes())));
    if (errors() > before) {
      diagnostics.error(
          "library-invalid", at, "library '" + name + "' has errors (listed above); fix them");
    }
    return new Library(name, shown, map);
  }

  private long errors() {
    return diagnostics.list().stream().filter(d -> d.isError()).count();
  }

  /** Version, known sections only, and none of what a library may not hold. */
  static void checkDocument(YNode.YMap map, Diagnostics diagnostics) {
    if (map.has("imports")) {
      diagnostics.error(
          "library-imports",
          map.keyLocation("imports"),
          "a library cannot import another library (as in DataMasque); move what it needs into"
              + " this library, or import both from the ruleset");
    }
    if (map.has("tasks") && !(map.get("tasks") instanceof YNode.YMap)) {
      diagnostics.error(
          "wrong-type",
          map.get("tasks").location(),
          "a library's 'tasks' section maps names to tasks, found " + map.get("tasks").kind());
    }
    Map<String, YNode> rest = new LinkedHashMap<>(map.entries());
    rest.remove("imports");
    MapFields f =
        new MapFields(
            new YNode.YMap(rest, map.keyLocations(), map.location()),
            "the library",
            LIBRARY_KEYS,
            diagnostics);
    RulesetParser.checkVersion(f, diagnostics);
    for (String section : SECTIONS) {
      YNode s = map.get(section);
      if (s != null && !(s instanceof YNode.YMap)) {
        diagnostics.error(
            "wrong-type",
            s.location(),
            "section '" + section + "' must map names to entries, found " + s.kind());
      }
    }
  }
}
