package dev.guise.ruleset;

import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.YNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ruleset side of libraries: reading {@code imports} and expanding every {@code $ref}, and
 * checking a library file on its own ({@code guise validate LIBRARY.yml}).
 */
final class LibraryReading {
  private final Diagnostics diagnostics;
  private final MasksCheck masks;
  private final RuleReader rules;
  private final Map<String, TaskReader> readers;
  private final Path baseDir;

  LibraryReading(
      Diagnostics diagnostics,
      MasksCheck masks,
      RuleReader rules,
      Map<String, TaskReader> readers,
      Path baseDir) {
    this.diagnostics = diagnostics;
    this.masks = masks;
    this.rules = rules;
    this.readers = readers;
    this.baseDir = baseDir;
  }

  /** A library: {@code version} and sections at the top, and no {@code tasks} list. */
  static boolean isLibrary(YNode.YMap root) {
    if (root.get("tasks") instanceof YNode.YList) {
      return false;
    }
    return root.entries().keySet().stream()
            .anyMatch(k -> Libraries.SECTIONS.contains(k) && !k.equals("tasks"))
        || root.get("tasks") instanceof YNode.YMap;
  }

  /**
   * Whether any mapping in the tree holds a {@code $ref}: then it is expanded even without imports.
   */
  static boolean hasRef(YNode node) {
    if (node instanceof YNode.YMap m) {
      return m.has(RefExpander.REF)
          || m.entries().values().stream().anyMatch(LibraryReading::hasRef);
    }
    return node instanceof YNode.YList l && l.items().stream().anyMatch(LibraryReading::hasRef);
  }

  /** The ruleset with its imports read and every {@code $ref} in it replaced by its target. */
  static YNode.YMap expand(YNode.YMap root, Libraries libraries, Diagnostics diagnostics) {
    Map<String, Libraries.Library> imported = new LinkedHashMap<>();
    YNode list = root.get("imports");
    List<YNode> items = list instanceof YNode.YList l ? l.items() : List.of();
    if (list != null && !(list instanceof YNode.YList)) {
      diagnostics.error(
          "wrong-type",
          list.location(),
          "'imports' must be a list of library names ('namespace/library'), found " + list.kind());
    }
    for (YNode item : items) {
      if (!(item instanceof YNode.YScalar s) || !(s.value() instanceof String name)) {
        diagnostics.error(
            "wrong-type",
            item.location(),
            "an import is a library name ('namespace/library'), found " + item.kind());
        continue;
      }
      if (imported.containsKey(name)) {
        diagnostics.warning(
            "duplicate-import", item.location(), "library '" + name + "' is imported twice");
        continue;
      }
      imported.put(name, libraries.load(name, item.location()));
    }
    return (YNode.YMap) new RefExpander(imported, diagnostics).expandRuleset(root);
  }

  /**
   * The library's name as a ruleset imports it: its path under a library folder ({@code
   * namespace/library}) when it lies in one, so its references to itself by full name resolve;
   * otherwise its file name.
   */
  private String nameOf(String file, List<Path> libraryDirs) {
    Path path = baseDir.resolve(Path.of(file).getFileName()).toAbsolutePath().normalize();
    for (Path dir : libraryDirs) {
      Path d = dir.toAbsolutePath().normalize();
      if (path.startsWith(d) && !path.equals(d)) {
        String rel = d.relativize(path).toString().replace('\\', '/');
        return rel.replaceFirst("\\.ya?ml$", "");
      }
    }
    return path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
  }

  /**
   * Checks a library by itself: its document, references to itself, and each entry of the sections
   * Guise runs (masks, columns, database rules, tasks) as it would be read where it is referenced.
   * Sections for file masking and {@code other} are only checked for references.
   */
  Ruleset validate(YNode.YMap root, String file, String sha, List<Path> libraryDirs) {
    Libraries.checkDocument(root, diagnostics);
    String name = nameOf(file, libraryDirs);
    Libraries.Library self = Libraries.of(name, file, root);
    YNode expanded = new RefExpander(Map.of(name, self), diagnostics).expandLibrary(self);
    if (!(expanded instanceof YNode.YMap map) || diagnostics.hasErrors()) {
      return null;
    }
    entries(map, "masks")
        .forEach(
            (k, v) -> masks.check(new MaskSpec(List.of(v), v.location()), baseDir, diagnostics));
    entries(map, "columns")
        .forEach(
            (k, v) -> {
              if (v instanceof YNode.YList l) {
                masks.check(new MaskSpec(l.items(), v.location()), baseDir, diagnostics);
              } else {
                diagnostics.error(
                    "wrong-type",
                    v.location(),
                    "column '" + k + "' must be a list of masks, found " + v.kind());
              }
            });
    rules.ruleItems(List.copyOf(entries(map, "database_rules").values()));
    new TaskReading(readers, diagnostics, rules)
        .tasks(List.copyOf(entries(map, "tasks").values()), "library section 'tasks'");
    return new Ruleset(file, sha, null, List.of(), List.of(), false, baseDir, List.of(), true);
  }

  private static Map<String, YNode> entries(YNode.YMap map, String section) {
    return map.get(section) instanceof YNode.YMap m ? m.entries() : Map.of();
  }
}
