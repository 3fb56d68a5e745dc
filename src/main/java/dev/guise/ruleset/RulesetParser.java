package dev.guise.ruleset;

import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import dev.guise.yaml.YamlInput;
import dev.guise.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ruleset file into a {@link Ruleset}, collecting every problem as a {@link Diagnostic}
 * instead of stopping at the first. The result's ruleset is null when any error stands.
 */
public final class RulesetParser {
  /** A parse outcome: the ruleset (null on errors) and everything found on the way. */
  public record Result(Ruleset ruleset, List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private static final Set<String> DOCUMENT_KEYS =
      Set.of(
          "version",
          "tasks",
          "skip_defaults",
          "mask_definitions",
          "rule_definitions",
          "task_definitions",
          "doc",
          "imports",
          "auto_manage_triggers",
          "disable_warning_on_duplicate_rules",
          "name",
          "random_seed");

  private final Map<String, TaskReader> readers;
  private final MasksCheck masks;
  private final List<Path> libraryDirs;

  /**
   * @param readers the task types it reads, by YAML {@code type}, in the order messages list them
   * @param masks called for each rule's masks as they are read
   */
  public RulesetParser(Map<String, TaskReader> readers, MasksCheck masks) {
    this(readers, masks, List.of());
  }

  /**
   * @param libraryDirs folders searched in turn for imported libraries ({@code
   *     <namespace>/<library>.yml})
   */
  public RulesetParser(Map<String, TaskReader> readers, MasksCheck masks, List<Path> libraryDirs) {
    this.readers = readers;
    this.masks = masks;
    this.libraryDirs = List.copyOf(libraryDirs);
  }

  public Result parse(Path path) {
    return parse(path, path.toString());
  }

  /**
   * @param shown the name used in messages (the path as the user typed it)
   */
  public Result parse(Path path, String shown) {
    Diagnostics d = new Diagnostics();
    YamlInput.Text in = YamlInput.read(path, shown, "the ruleset", "check the path", d);
    if (in == null) {
      return new Result(null, d.list());
    }
    return parse(in.text(), shown, sha256(in.bytes()), path.toAbsolutePath().getParent());
  }

  public Result parse(String text, String fileName) {
    return parse(
        text,
        fileName,
        sha256(text.getBytes(StandardCharsets.UTF_8)),
        Path.of("").toAbsolutePath());
  }

  private Result parse(String text, String fileName, String sha, Path baseDir) {
    Diagnostics diagnostics = new Diagnostics();
    RuleReader rules = new RuleReader(diagnostics, masks, baseDir);
    YNode root = YamlReader.read(text, fileName, diagnostics);
    if (root == null) {
      return new Result(null, diagnostics.list());
    }
    if (!(root instanceof YNode.YMap map)) {
      diagnostics.error(
          "wrong-type",
          root.location(),
          "a ruleset must be a mapping with 'version' and 'tasks', found " + root.kind());
      return new Result(null, diagnostics.list());
    }
    if (LibraryReading.isLibrary(map)) {
      Ruleset lib =
          new LibraryReading(diagnostics, masks, rules, readers, baseDir)
              .validate(map, fileName, sha, libraryDirs);
      return new Result(diagnostics.hasErrors() ? null : lib, diagnostics.list());
    }
    Libraries libraries = new Libraries(libraryDirs, diagnostics);
    if (map.has("imports") || LibraryReading.hasRef(map)) {
      map = LibraryReading.expand(map, libraries, diagnostics);
      if (diagnostics.hasErrors()) {
        // a reference that did not expand would only repeat itself as follow-on errors
        return new Result(null, diagnostics.list());
      }
    }
    MapFields f = new MapFields(map, "the ruleset", DOCUMENT_KEYS, diagnostics);
    checkVersion(f, diagnostics);
    List<SkipValue> skipDefaults =
        f.has("skip_defaults")
            ? rules.skipList(f.node("skip_defaults"))
            : List.of(SkipValue.literal(null), SkipValue.literal(""));
    Boolean triggers = f.bool("auto_manage_triggers");
    deprecatedDocumentKeys(f, diagnostics);
    String doc = f.string("doc", false);
    List<Task> tasks =
        new TaskReading(readers, diagnostics, rules).tasks(f.items("tasks", true), "the ruleset");
    if (f.has("tasks") && tasks.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(
          "empty-tasks", f.locationOf("tasks"), "'tasks' is empty; add at least one task");
    }
    if (!Boolean.TRUE.equals(f.bool("disable_warning_on_duplicate_rules"))) {
      DuplicateRuleCheck.warn(tasks, diagnostics);
    }
    Ruleset ruleset =
        diagnostics.hasErrors()
            ? null
            : new Ruleset(
                fileName,
                sha,
                doc,
                List.copyOf(skipDefaults),
                List.copyOf(tasks),
                Boolean.TRUE.equals(triggers),
                baseDir,
                libraries.used(),
                false);
    return new Result(ruleset, diagnostics.list());
  }

  /**
   * Keys DataMasque deprecated ("Ruleset YAML specification", ruleset properties): accepted so an
   * old ruleset still validates, with a warning that names what replaced them. Neither changes what
   * a run does.
   */
  private static void deprecatedDocumentKeys(MapFields f, Diagnostics diagnostics) {
    if (f.has("name")) {
      f.string("name", false);
      diagnostics.warning(
          "deprecated",
          f.locationOf("name"),
          "'name' is deprecated (as in DataMasque) and ignored; a ruleset is named by its file,"
              + " so remove the key");
    }
    if (f.has("random_seed")) {
      diagnostics.warning(
          "deprecated",
          f.locationOf("random_seed"),
          "'random_seed' is deprecated (as in DataMasque) and ignored; the run secret replaces"
              + " it: give the same secret (GUISE_RUN_SECRET or --run-secret-file) to repeat a"
              + " run's values");
    }
  }

  static void checkVersion(MapFields f, Diagnostics diagnostics) {
    YNode v = f.node("version");
    if (v == null) {
      f.missing("version");
      return;
    }
    if (v instanceof YNode.YScalar s && s.value() instanceof String str) {
      if (!str.equals("1.0")) {
        diagnostics.error(
            "bad-version", v.location(), "unsupported version '" + str + "'; use version: '1.0'");
      }
      return;
    }
    if (v instanceof YNode.YScalar s && s.value() != null) {
      diagnostics.error(
          "unquoted-version",
          v.location(),
          "version must be the string '1.0', found the number "
              + s.text()
              + "; quote it: version: '1.0'");
      return;
    }
    diagnostics.error(
        "bad-version", v.location(), "version must be the string '1.0'; use version: '1.0'");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
