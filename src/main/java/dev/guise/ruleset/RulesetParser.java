package dev.guise.ruleset;

import dev.guise.mask.MaskRegistry;
import dev.guise.mask.Pipeline;
import dev.guise.mask.seed.SeedCatalog;
import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.DidYouMean;
import dev.guise.yaml.Location;
import dev.guise.yaml.MapFields;
import dev.guise.yaml.YNode;
import dev.guise.yaml.YamlInput;
import dev.guise.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
  private static final List<String> TASK_TYPES =
      List.of(
          MaskTableTask.TYPE,
          RunSqlTask.TYPE,
          TruncateTableTask.TYPE,
          BuildTempTableTask.TYPE,
          SerialTask.TYPE,
          ParallelTask.TYPE);

  /** Task types of the DataMasque dialect that later versions of Guise will run. */
  private static final Set<String> PLANNED_TASK_TYPES =
      Set.of("mask_unique_key", "run_schema_discovery", "run_data_discovery");

  private final MaskRegistry registry;
  private final SeedCatalog seeds;
  private Diagnostics diagnostics;
  private MaskBuilder masks;

  /** A parser using the built-in seed files. */
  public RulesetParser(MaskRegistry registry) {
    this(registry, SeedCatalog.builtIn());
  }

  /**
   * @param seeds seed files for {@code from_file} (a user directory first, then the built-ins)
   */
  public RulesetParser(MaskRegistry registry, SeedCatalog seeds) {
    this.registry = registry;
    this.seeds = seeds;
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

  private synchronized Result parse(String text, String fileName, String sha, Path baseDir) {
    this.diagnostics = new Diagnostics();
    this.masks = new MaskBuilder(registry, seeds, baseDir, diagnostics);
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
    checkVersion(f);
    if (f.has("imports")) {
      diagnostics.error(
          "unsupported",
          f.locationOf("imports"),
          "'imports' (ruleset libraries) is not supported by this version of Guise; inline the"
              + " definitions");
    }
    List<SkipValue> skipDefaults =
        f.has("skip_defaults")
            ? skipList(f.node("skip_defaults"))
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
    List<Task> tasks = tasks(f.items("tasks", true), "the ruleset");
    if (f.has("tasks") && tasks.isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(
          "empty-tasks", f.locationOf("tasks"), "'tasks' is empty; add at least one task");
    }
    if (!Boolean.TRUE.equals(f.bool("disable_warning_on_duplicate_rules"))) {
      warnDuplicateRules(tasks, new HashMap<>());
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

  private void checkVersion(MapFields f) {
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

  private List<Task> tasks(List<YNode> items, String parent) {
    List<Task> out = new ArrayList<>();
    for (YNode item : items) {
      Task t = task(item, parent);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private Task task(YNode node, String parent) {
    if (!(node instanceof YNode.YMap map)) {
      diagnostics.error(
          "wrong-type",
          node.location(),
          "a task in " + parent + " must be a mapping, found " + node.kind());
      return null;
    }
    YNode typeNode = map.get("type");
    if (!(typeNode instanceof YNode.YScalar ts) || !(ts.value() instanceof String type)) {
      diagnostics.error(
          "missing-key",
          map.location(),
          "task is missing the required key 'type' (" + String.join(", ", TASK_TYPES) + ")");
      return null;
    }
    Location loc = map.location();
    return switch (type) {
      case MaskTableTask.TYPE -> maskTable(map, loc);
      case RunSqlTask.TYPE -> {
        MapFields f = fields(map, type, "sql", "sql_file");
        String sql = f.string("sql", false);
        String sqlFile = f.string("sql_file", false);
        if ((sql == null) == (sqlFile == null)) {
          diagnostics.error("missing-key", loc, "run_sql needs exactly one of 'sql' or 'sql_file'");
        }
        yield new RunSqlTask(sql, sqlFile, loc);
      }
      case TruncateTableTask.TYPE -> {
        MapFields f = fields(map, type, "table");
        yield new TruncateTableTask(f.string("table", true), loc);
      }
      case BuildTempTableTask.TYPE -> {
        MapFields f = fields(map, type, "table", "sql_select", "select");
        String table = f.string("table", true);
        if (table != null && !table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          diagnostics.error(
              "invalid-parameter",
              f.locationOf("table"),
              "build_temp_table's table '"
                  + table
                  + "' must be a plain name (letters, digits, _)"
                  + " so that SQL in the ruleset finds it unquoted");
        }
        String select = f.string("sql_select", false);
        String alias = f.string("select", false);
        if ((select == null) == (alias == null)) {
          diagnostics.error(
              "missing-key", loc, "build_temp_table needs exactly one of 'sql_select' or 'select'");
        }
        yield new BuildTempTableTask(table, select != null ? select : alias, loc);
      }
      case SerialTask.TYPE -> {
        MapFields f = fields(map, type, "tasks");
        yield new SerialTask(List.copyOf(tasks(f.items("tasks", true), "serial")), loc);
      }
      case ParallelTask.TYPE -> {
        MapFields f = fields(map, type, "tasks");
        yield new ParallelTask(List.copyOf(tasks(f.items("tasks", true), "parallel")), loc);
      }
      default -> {
        if (PLANNED_TASK_TYPES.contains(type)) {
          diagnostics.error(
              "unsupported",
              typeNode.location(),
              "task type '" + type + "' is not supported by this version of Guise yet");
        } else {
          diagnostics.error(
              "unknown-task",
              typeNode.location(),
              "unknown task type '" + type + "'" + DidYouMean.hint(type, TASK_TYPES));
        }
        yield null;
      }
    };
  }

  private MapFields fields(YNode.YMap map, String type, String... keys) {
    Set<String> allowed = new LinkedHashSet<>(List.of(keys));
    allowed.add("type");
    return new MapFields(map, "task '" + type + "'", allowed, diagnostics);
  }

  private MaskTableTask maskTable(YNode.YMap map, Location loc) {
    MapFields f =
        fields(map, MaskTableTask.TYPE, "table", "key", "rules", "hash_columns", "where", "joins");
    String table = f.string("table", true);
    List<String> key = f.names("key", true);
    List<HashColumn> hash = f.has("hash_columns") ? hashColumns(f.node("hash_columns")) : List.of();
    String where = f.string("where", false);
    List<RuleItem> rules = ruleItems(f.items("rules", true));
    if (f.has("rules") && f.items("rules", false).isEmpty()) {
      diagnostics.error(
          "empty-rules", f.locationOf("rules"), "'rules' is empty; add at least one rule");
    }
    List<TableJoin> joins = new ArrayList<>();
    for (YNode j : f.items("joins", false)) {
      if (!(j instanceof YNode.YMap jm)) {
        diagnostics.error(
            "wrong-type",
            j.location(),
            "a join is a mapping with target_table, target_key, source_table, source_key");
        continue;
      }
      MapFields jf =
          new MapFields(
              jm,
              "a join",
              Set.of("target_table", "target_key", "source_table", "source_key"),
              diagnostics);
      List<String> targetKey = jf.names("target_key", true);
      List<String> sourceKey = jf.names("source_key", true);
      if (targetKey.size() != sourceKey.size()) {
        diagnostics.error(
            "bad-join",
            jm.location(),
            "target_key has "
                + targetKey.size()
                + " columns but source_key has "
                + sourceKey.size()
                + "; pair them one to one");
      }
      joins.add(
          new TableJoin(
              jf.string("target_table", true),
              targetKey,
              jf.string("source_table", true),
              sourceKey,
              jm.location()));
    }
    return new MaskTableTask(
        table, List.copyOf(key), List.copyOf(rules), hash, where, List.copyOf(joins), loc);
  }

  private List<RuleItem> ruleItems(List<YNode> nodes) {
    List<RuleItem> out = new ArrayList<>();
    for (YNode n : nodes) {
      RuleItem item = ruleItem(n);
      if (item != null) {
        out.add(item);
      }
    }
    return out;
  }

  private RuleItem ruleItem(YNode node) {
    if (!(node instanceof YNode.YMap map)) {
      diagnostics.error(
          "wrong-type", node.location(), "a rule must be a mapping, found " + node.kind());
      return null;
    }
    if (!map.has("if")) {
      return rule(map);
    }
    MapFields f =
        new MapFields(map, "a conditional rule", Set.of("if", "rules", "else_rules"), diagnostics);
    List<Condition> conditions = conditions(f.items("if", true), "if");
    List<RuleItem> then = ruleItems(f.items("rules", false));
    List<RuleItem> otherwise = ruleItems(f.items("else_rules", false));
    if (then.isEmpty() && otherwise.isEmpty()) {
      diagnostics.error(
          "empty-rules", map.location(), "a conditional rule needs 'rules' or 'else_rules'");
    }
    return new ConditionalRule(
        List.copyOf(conditions), List.copyOf(then), List.copyOf(otherwise), map.location());
  }

  private static final Set<String> CONDITION_KEYS =
      Set.of(
          "column",
          "equals",
          "not_equals",
          "matches",
          "less_than",
          "greater_than",
          "is_null",
          "and",
          "or",
          "not");

  private List<Condition> conditions(List<YNode> nodes, String where) {
    List<Condition> out = new ArrayList<>();
    for (YNode n : nodes) {
      Condition c = condition(n, where);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private Condition condition(YNode node, String where) {
    if (!(node instanceof YNode.YMap map)) {
      diagnostics.error(
          "wrong-type",
          node.location(),
          "a condition in '"
              + where
              + "' is a mapping such as {column: status, equals: active}, found "
              + node.kind());
      return null;
    }
    MapFields f = new MapFields(map, "a condition", CONDITION_KEYS, diagnostics);
    Location loc = map.location();
    if (f.has("and") || f.has("or")) {
      String k = f.has("and") ? "and" : "or";
      List<Condition> parts = conditions(f.items(k, true), k);
      return k.equals("and") ? new Condition.All(parts, loc) : new Condition.Any(parts, loc);
    }
    if (f.has("not")) {
      YNode inner = f.node("not");
      List<Condition> parts =
          conditions(inner instanceof YNode.YList l ? l.items() : List.of(inner), "not");
      return new Condition.Not(new Condition.All(parts, loc), loc);
    }
    String column = f.string("column", true);
    List<String> ops = new ArrayList<>();
    for (String k :
        List.of("equals", "not_equals", "matches", "less_than", "greater_than", "is_null")) {
      if (f.has(k)) {
        ops.add(k);
      }
    }
    if (ops.size() != 1) {
      diagnostics.error(
          "bad-condition",
          loc,
          "a condition needs exactly one of equals, not_equals, matches, less_than, greater_than,"
              + " is_null"
              + (ops.isEmpty() ? "" : "; found " + String.join(", ", ops)));
      return null;
    }
    String op = ops.get(0);
    YNode v = f.node(op);
    if (op.equals("is_null")) {
      Boolean b = f.bool("is_null");
      return b == null ? null : new Condition.IsNull(column, b, loc);
    }
    if (op.equals("matches")) {
      String regex = f.string("matches", true);
      try {
        return new Condition.Matches(column, Pattern.compile(regex == null ? "" : regex), loc);
      } catch (PatternSyntaxException e) {
        diagnostics.error(
            "invalid-parameter", v.location(), "invalid regular expression: " + e.getDescription());
        return null;
      }
    }
    if (!(v instanceof YNode.YScalar sv)) {
      diagnostics.error(
          "wrong-type",
          v.location(),
          "'" + op + "' compares with a single value, found " + v.kind());
      return null;
    }
    Condition.Op o =
        switch (op) {
          case "equals" -> Condition.Op.EQUALS;
          case "not_equals" -> Condition.Op.NOT_EQUALS;
          case "less_than" -> Condition.Op.LESS_THAN;
          default -> Condition.Op.GREATER_THAN;
        };
    return new Condition.Compare(column, o, sv.value(), loc);
  }

  private Rule rule(YNode.YMap map) {
    MapFields f =
        new MapFields(
            map, "a rule", Set.of("column", "masks", "skip", "hash_columns"), diagnostics);
    String column = f.string("column", true);
    Pipeline pipeline = masks.pipeline(f.items("masks", true), new byte[0], f.locationOf("masks"));
    List<SkipValue> skip = f.has("skip") ? skipList(f.node("skip")) : null;
    Optional<List<HashColumn>> hash = Optional.empty();
    if (f.has("hash_columns")) {
      YNode h = f.node("hash_columns");
      hash =
          Optional.of(
              h instanceof YNode.YScalar s && s.value() == null ? List.of() : hashColumns(h));
    }
    return new Rule(column, pipeline, skip, hash, map.location());
  }

  private List<HashColumn> hashColumns(YNode node) {
    List<YNode> items =
        node instanceof YNode.YList l
            ? l.items()
            : node instanceof YNode.YScalar s && s.value() == null ? List.of() : List.of(node);
    List<HashColumn> out = new ArrayList<>();
    for (YNode item : items) {
      if (item instanceof YNode.YScalar s && s.value() != null) {
        out.add(HashColumn.of(s.asText()));
      } else if (item instanceof YNode.YMap m) {
        MapFields f =
            new MapFields(
                m,
                "a hash column",
                Set.of("column_name", "case_transform", "trim", "json_path"),
                diagnostics);
        String column = f.string("column_name", true);
        String transform = f.string("case_transform", false);
        if (transform != null
            && !Set.of("lower", "upper").contains(transform.toLowerCase(Locale.ROOT))) {
          diagnostics.error(
              "invalid-parameter",
              f.locationOf("case_transform"),
              "case_transform must be 'lower' or 'upper', found '" + transform + "'");
        }
        out.add(
            new HashColumn(
                column,
                transform == null ? null : transform.toLowerCase(Locale.ROOT),
                Boolean.TRUE.equals(f.bool("trim")),
                f.names("json_path", false)));
      } else {
        diagnostics.error(
            "wrong-type",
            item.location(),
            "a hash column is a column name or {column_name, case_transform, trim}, found "
                + item.kind());
      }
    }
    return List.copyOf(out);
  }

  private List<SkipValue> skipList(YNode node) {
    List<YNode> items = node instanceof YNode.YList l ? l.items() : List.of(node);
    List<SkipValue> out = new ArrayList<>();
    for (YNode item : items) {
      if (item instanceof YNode.YScalar s) {
        out.add(SkipValue.literal(s.value()));
      } else if (item instanceof YNode.YMap m && m.has("matches")) {
        MapFields f = new MapFields(m, "a skip entry", Set.of("matches"), diagnostics);
        String regex = f.string("matches", true);
        try {
          out.add(new SkipValue(null, Pattern.compile(regex == null ? "" : regex)));
        } catch (PatternSyntaxException e) {
          diagnostics.error(
              "invalid-parameter",
              f.locationOf("matches"),
              "invalid regular expression: " + e.getDescription());
        }
      } else {
        diagnostics.error(
            "wrong-type",
            item.location(),
            "a skip entry is a value or {matches: regex}, found " + item.kind());
      }
    }
    return out;
  }

  private void warnDuplicateRules(List<Task> tasks, Map<String, Location> seen) {
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
      warnDuplicateRules(t.children(), seen);
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
