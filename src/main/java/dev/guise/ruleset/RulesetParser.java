package dev.guise.ruleset;

import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import dev.guise.yaml.YamlInput;
import dev.guise.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
          "disable_warning_on_duplicate_rules");

  private final Map<String, TaskReader> readers;
  private final MasksCheck masks;

  /**
   * @param readers the task types it reads, by YAML {@code type}, in the order messages list them
   * @param masks called for each rule's masks as they are read
   */
  public RulesetParser(Map<String, TaskReader> readers, MasksCheck masks) {
    this.readers = readers;
    this.masks = masks;
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
    MapFields f = new MapFields(map, "the ruleset", DOCUMENT_KEYS, diagnostics);
    checkVersion(f, diagnostics);
    if (f.has("imports")) {
      diagnostics.error(
          "unsupported",
          f.locationOf("imports"),
          "'imports' (ruleset libraries) is not supported by this version of Guise; inline the"
              + " definitions");
    }
    List<SkipValue> skipDefaults =
        f.has("skip_defaults")
            ? rules.skipList(f.node("skip_defaults"))
            : List.of(SkipValue.literal(null), SkipValue.literal(""));
    Boolean triggers = f.bool("auto_manage_triggers");
    if (Boolean.TRUE.equals(triggers)) {
      diagnostics.warning(
          "unsupported",
          f.locationOf("auto_manage_triggers"),
          "'auto_manage_triggers' is not supported yet and is ignored; disable triggers of masked"
              + " tables yourself with run_sql if they would fire");
    }
    String doc = f.string("doc", false);
    List<Task> tasks =
        new TaskReading(readers, diagnostics, rules).tasks(f.items("tasks", true), "the ruleset");
    if (f.has("tasks") && tasks.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(
          "empty-tasks", f.locationOf("tasks"), "'tasks' is empty; add at least one task");
    }
    if (!Boolean.TRUE.equals(f.bool("disable_warning_on_duplicate_rules"))) {
      warnDuplicateRules(tasks, new HashMap<>(), diagnostics);
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
                baseDir);
    return new Result(ruleset, diagnostics.list());
  }

  private static void checkVersion(MapFields f, Diagnostics diagnostics) {
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

  private static void warnDuplicateRules(
      List<Task> tasks, Map<String, Location> seen, Diagnostics diagnostics) {
    for (Task t : tasks) {
      if (t instanceof MaskTableTask m && m.table() != null) {
        for (RuleItem item : m.rules()) {
          if (!(item instanceof Rule r) || r.column() == null) {
            continue;
          }
          String k = (m.table() + "." + r.column()).toLowerCase(Locale.ROOT);
          Location first = seen.putIfAbsent(k, r.location());
          if (first != null) {
            diagnostics.warning(
                "duplicate-rule",
                r.location(),
                m.table()
                    + "."
                    + r.column()
                    + " is also masked at "
                    + first
                    + "; the later rule overwrites the earlier (set"
                    + " disable_warning_on_duplicate_rules: true if intended)");
          }
        }
      }
      warnDuplicateRules(t.children(), seen, diagnostics);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
