package dev.guise.plan;

import dev.guise.mask.BuiltMask;
import dev.guise.mask.OutputShape;
import dev.guise.ruleset.BuildTempTableTask;
import dev.guise.ruleset.Condition;
import dev.guise.ruleset.ConditionalRule;
import dev.guise.ruleset.HashColumn;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.ParallelTask;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.RuleItem;
import dev.guise.ruleset.Ruleset;
import dev.guise.ruleset.RunSqlTask;
import dev.guise.ruleset.SerialTask;
import dev.guise.ruleset.TableJoin;
import dev.guise.ruleset.Task;
import dev.guise.ruleset.TruncateTableTask;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.yaml.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a ruleset against the live schema: every table, column and key exists, the key is
 * unique, and each pipeline's output fits its column. Collects every problem; the plan is null
 * while any error stands, so nothing touches the database.
 */
public final class Planner {
  /** The task graph (null on errors) and the problems found. */
  public record Result(SerialStep root, Diagnostics diagnostics) {}

  private final SchemaSource schema;
  private final Diagnostics diagnostics = new Diagnostics();
  private final Map<String, Optional<TableInfo>> tables = new LinkedHashMap<>();
  private final Map<String, String> tempTables = new LinkedHashMap<>();
  private Ruleset ruleset;

  private Planner(SchemaSource schema) {
    this.schema = schema;
  }

  public static Result plan(Ruleset ruleset, SchemaSource schema) {
    Planner p = new Planner(schema);
    p.ruleset = ruleset;
    List<Step> steps = p.steps(ruleset.tasks(), "");
    SerialStep root = new SerialStep("", null, steps);
    return new Result(p.diagnostics.hasErrors() ? null : root, p.diagnostics);
  }

  private List<Step> steps(List<Task> tasks, String parentId) {
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      String id = parentId.isEmpty() ? String.valueOf(i + 1) : parentId + "." + (i + 1);
      Step s = step(tasks.get(i), id);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private Step step(Task task, String id) {
    if (task instanceof MaskTableTask m) {
      return maskTable(m, id);
    }
    if (task instanceof RunSqlTask r) {
      return runSql(r, id);
    }
    if (task instanceof TruncateTableTask t) {
      TableInfo info = table(t.table(), t.location().toString());
      return info == null ? null : new TruncateStep(id, t, info);
    }
    if (task instanceof BuildTempTableTask b) {
      if (b.table() != null) {
        tempTables.put(b.table().toLowerCase(Locale.ROOT), b.location().toString());
      }
      return new BuildTempTableStep(id, b);
    }
    if (task instanceof SerialTask s) {
      return new SerialStep(id, s, steps(s.tasks(), id));
    }
    ParallelTask p = (ParallelTask) task;
    return new ParallelStep(id, p, steps(p.tasks(), id));
  }

  private RunSqlStep runSql(RunSqlTask r, String id) {
    if (r.sql() != null) {
      return new RunSqlStep(id, r, r.sql());
    }
    Path base = ruleset.baseDir();
    Path file = base.resolve(r.sqlFile());
    try {
      return new RunSqlStep(id, r, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      diagnostics.error(
          "unreadable-file",
          r.location(),
          "cannot read sql_file " + file + "; the path is relative to the ruleset's folder");
      return null;
    }
  }

  private TableInfo table(String name, String where) {
    String temp = tempTables.get(name.toLowerCase(Locale.ROOT));
    if (temp != null) {
      diagnostics.error(
          "temp-table-target",
          name,
          "is built by build_temp_table at "
              + temp
              + " for lookups and dropped when the run ends;"
              + " masking or truncating it (at "
              + where
              + ") has no lasting effect");
      return null;
    }
    Optional<TableInfo> t =
        tables.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> schema.table(name));
    if (t.isEmpty()) {
      diagnostics.error(
          "unknown-table",
          name,
          "table not found (named at " + where + "); check the name and the connection's schema");
      return null;
    }
    return t.get();
  }

  private MaskTableStep maskTable(MaskTableTask m, String id) {
    TableInfo t = table(m.table(), m.location().toString());
    if (t == null) {
      return null;
    }
    String tableName = t.ref().toString();
    Scope scope = new Scope(m.table(), t);
    List<PlannedJoin> joins = new ArrayList<>();
    for (TableJoin j : m.joins()) {
      PlannedJoin pj = join(j, scope);
      if (pj != null) {
        joins.add(pj);
        scope.joins.put(j.targetTable().toLowerCase(Locale.ROOT), pj);
      }
    }
    List<ColumnInfo> key = new ArrayList<>();
    for (String k : m.key()) {
      column(t, k, m.location().toString()).ifPresent(key::add);
    }
    if (key.size() == m.key().size()
        && !key.isEmpty()
        && !t.isUniqueKey(key.stream().map(ColumnInfo::name).toList())) {
      diagnostics.error(
          "key-not-unique",
          tableName + "." + String.join(",", m.key()),
          "the key is neither the primary key nor a unique index, so rows cannot be written back"
              + " safely; add a primary key or unique index, or name one as 'key' (task at "
              + m.location()
              + ")");
    }
    if (key.stream().anyMatch(ColumnInfo::nullable)) {
      diagnostics.warning(
          "nullable-key",
          tableName + "." + String.join(",", m.key()),
          "the key allows NULL (a unique index, not a primary key); rows whose key is NULL are"
              + " not masked; use a NOT NULL key to mask every row");
    }
    Map<String, ColumnInfo> written = new LinkedHashMap<>();
    List<PlannedRule> rules = new ArrayList<>();
    List<HashColumn> taskHash = m.hashColumns();
    for (HashColumn h : taskHash) {
      scope.read(h.column(), m.location().toString());
    }
    List<Guarded> flat = new ArrayList<>();
    flatten(m.rules(), null, flat);
    for (Guarded g : flat) {
      Rule r = g.rule();
      if (g.guard() != null) {
        for (String source : g.guard().columns()) {
          scope.read(source, g.guard().location().toString());
        }
      }
      List<HashColumn> hash = r.hashColumns().orElse(taskHash);
      for (HashColumn h : r.hashColumns().orElse(List.of())) {
        scope.read(h.column(), r.location().toString());
      }
      for (String source : r.pipeline().columnsRead()) {
        scope.read(source, r.location().toString());
      }
      if (r.column() == null) {
        continue;
      }
      if (r.column().contains(".") && t.column(r.column()).isEmpty()) {
        diagnostics.error(
            "joined-column-masked",
            tableName + "." + r.column(),
            "a rule masks a column of the task's own table (rule at "
                + r.location()
                + "); mask a joined table in its own mask_table task");
        continue;
      }
      Optional<ColumnInfo> col = column(t, r.column(), r.location().toString());
      if (col.isEmpty()) {
        continue;
      }
      ColumnInfo c = col.get();
      if (key.stream().anyMatch(k -> k.name().equals(c.name()))) {
        diagnostics.error(
            "key-column-masked",
            tableName + "." + c.name(),
            "is part of the task's key and cannot be masked by mask_table (rule at "
                + r.location()
                + "); mask keys with mask_unique_key, or choose another key");
        continue;
      }
      scope.base.putIfAbsent(c.name(), c);
      written.putIfAbsent(c.name(), c);
      checkFit(tableName, c, r);
      rules.add(
          new PlannedRule(
              r,
              r.pipeline(),
              c,
              hash,
              r.skip() != null ? r.skip() : ruleset.skipDefaults(),
              g.guard()));
    }
    for (ColumnInfo k : key) {
      scope.base.remove(k.name());
    }
    return new MaskTableStep(
        id,
        m,
        t,
        List.copyOf(key),
        List.copyOf(scope.base.values()),
        List.copyOf(joins),
        List.copyOf(scope.joined.values()),
        List.copyOf(written.values()),
        List.copyOf(rules));
  }

  private PlannedJoin join(TableJoin j, Scope scope) {
    String where = j.location().toString();
    if (j.targetTable() == null || j.sourceTable() == null) {
      return null;
    }
    if (tempTables.containsKey(j.targetTable().toLowerCase(Locale.ROOT))) {
      diagnostics.error(
          "unsupported",
          j.targetTable(),
          "joining a build_temp_table table (at "
              + where
              + ") is not supported yet; join the"
              + " tables it selects from instead");
      return null;
    }
    TableInfo target = table(j.targetTable(), where);
    TableInfo source;
    String src = j.sourceTable().toLowerCase(Locale.ROOT);
    if (src.equals(scope.asWritten) || src.equalsIgnoreCase(scope.table.ref().name())) {
      source = scope.table;
    } else if (scope.joins.containsKey(src)) {
      source = scope.joins.get(src).target();
    } else {
      diagnostics.error(
          "bad-join",
          j.sourceTable(),
          "source_table of the join at "
              + where
              + " must be the task's table or an earlier join's"
              + " target_table");
      return null;
    }
    if (target == null) {
      return null;
    }
    if (target.ref().equals(scope.table.ref())) {
      diagnostics.error(
          "bad-join",
          j.targetTable(),
          "a table cannot be joined to itself (join at " + where + ")");
      return null;
    }
    List<ColumnInfo> targetKey = new ArrayList<>();
    for (String k : j.targetKey()) {
      column(target, k, where).ifPresent(targetKey::add);
    }
    List<ColumnInfo> sourceKey = new ArrayList<>();
    for (String k : j.sourceKey()) {
      column(source, k, where).ifPresent(sourceKey::add);
    }
    if (targetKey.size() != j.targetKey().size() || sourceKey.size() != j.sourceKey().size()) {
      return null;
    }
    if (!target.isUniqueKey(targetKey.stream().map(ColumnInfo::name).toList())) {
      diagnostics.error(
          "key-not-unique",
          target.ref() + "." + String.join(",", j.targetKey()),
          "target_key of the join at "
              + where
              + " is not a primary key or unique index, so a row"
              + " could match several; join on a unique key");
    }
    return new PlannedJoin(j.targetTable(), target, targetKey, source, sourceKey);
  }

  /**
   * The columns a task can address: its table's by name or {@code table.column}, and join targets'
   * as {@code target_table.column}. Collects what must be read.
   */
  private final class Scope {
    final String asWritten;
    final TableInfo table;
    final Map<String, PlannedJoin> joins = new LinkedHashMap<>();
    final Map<String, ColumnInfo> base = new LinkedHashMap<>();
    final Map<String, JoinedColumn> joined = new LinkedHashMap<>();

    Scope(String asWritten, TableInfo table) {
      this.asWritten = asWritten.toLowerCase(Locale.ROOT);
      this.table = table;
    }

    void read(String name, String where) {
      if (name == null) {
        return;
      }
      int dot = name.lastIndexOf('.');
      if (dot > 0 && table.column(name).isEmpty()) {
        String prefix = name.substring(0, dot).toLowerCase(Locale.ROOT);
        String col = name.substring(dot + 1);
        PlannedJoin j = joins.get(prefix);
        if (j != null) {
          column(j.target(), col, where)
              .ifPresent(
                  c ->
                      joined.putIfAbsent(
                          name.toLowerCase(Locale.ROOT),
                          new JoinedColumn(name.toLowerCase(Locale.ROOT), j, c)));
          return;
        }
        if (prefix.equals(asWritten) || prefix.equalsIgnoreCase(table.ref().name())) {
          column(table, col, where).ifPresent(c -> base.putIfAbsent(c.name(), c));
          return;
        }
        diagnostics.error(
            "unknown-column",
            name,
            "names table '"
                + name.substring(0, dot)
                + "', which is neither the task's table nor a"
                + " join target (named at "
                + where
                + "); add a join for it");
        return;
      }
      column(table, name, where).ifPresent(c -> base.putIfAbsent(c.name(), c));
    }
  }

  /** A rule with the condition under which it applies (null: always). */
  private record Guarded(Rule rule, Condition guard) {}

  /**
   * Flattens conditional blocks: each rule gets the conjunction of the conditions on its path
   * (negated on the {@code else_rules} side), so the executor sees a flat list.
   */
  private static void flatten(List<RuleItem> items, Condition guard, List<Guarded> out) {
    for (RuleItem item : items) {
      if (item instanceof Rule r) {
        out.add(new Guarded(r, guard));
      } else {
        ConditionalRule c = (ConditionalRule) item;
        Condition test = new Condition.All(c.conditions(), c.location());
        flatten(c.rules(), and(guard, test), out);
        flatten(c.elseRules(), and(guard, new Condition.Not(test, c.location())), out);
      }
    }
  }

  private static Condition and(Condition a, Condition b) {
    return a == null ? b : new Condition.All(List.of(a, b), b.location());
  }

  private Optional<ColumnInfo> column(TableInfo t, String name, String where) {
    if (name == null) {
      return Optional.empty();
    }
    Optional<ColumnInfo> c = t.column(name);
    if (c.isEmpty()) {
      List<String> names = t.columns().stream().map(ColumnInfo::name).toList();
      diagnostics.error(
          "unknown-column",
          t.ref() + "." + name,
          "column not found (named at "
              + where
              + ")"
              + dev.guise.yaml.DidYouMean.hint(name, names));
    }
    return c;
  }

  /** Checks the pipeline's output against the column's type and length. */
  private void checkFit(String table, ColumnInfo c, Rule r) {
    OutputShape shape = r.pipeline().shape();
    if (shape.kind() == OutputShape.Kind.SAME || shape.kind() == OutputShape.Kind.ANY) {
      return;
    }
    String subject = table + "." + c.name();
    String by = lastMaskDescription(r);
    String problem = null;
    ColumnCategory cat = c.category();
    switch (cat) {
      case TEXT -> {
        int max = c.maxTextLength();
        int out = textLength(shape);
        if (max > 0 && out > max) {
          problem =
              by
                  + " can output "
                  + out
                  + " characters but the column is "
                  + c.displayType()
                  + "; shorten the output or widen the column";
        }
      }
      case INTEGER -> {
        if (shape.kind() != OutputShape.Kind.INTEGER) {
          problem =
              by
                  + " outputs "
                  + word(shape)
                  + " but the column is "
                  + c.displayType()
                  + "; use a numeric mask (e.g. from_random_number) or typecast to integer";
        }
      }
      case DECIMAL, FLOAT -> {
        if (shape.kind() != OutputShape.Kind.INTEGER && shape.kind() != OutputShape.Kind.DECIMAL) {
          problem =
              by
                  + " outputs "
                  + word(shape)
                  + " but the column is "
                  + c.displayType()
                  + "; use a numeric mask or typecast to decimal";
        }
      }
      case BOOLEAN -> {
        if (shape.kind() != OutputShape.Kind.BOOLEAN) {
          problem =
              by
                  + " outputs "
                  + word(shape)
                  + " but the column is "
                  + c.displayType()
                  + "; use from_random_boolean or typecast to boolean";
        }
      }
      case DATE, TIMESTAMP, TIMESTAMP_TZ -> {
        if (shape.kind() != OutputShape.Kind.DATE && shape.kind() != OutputShape.Kind.DATETIME) {
          problem =
              by
                  + " outputs "
                  + word(shape)
                  + " but the column is "
                  + c.displayType()
                  + "; use a date mask or typecast to date/datetime";
        }
      }
      default -> {
        // uuid, json, binary, time and engine-specific types: the database checks on write
      }
    }
    if (problem != null) {
      diagnostics.error("type-mismatch", subject, problem);
    }
  }

  private static int textLength(OutputShape shape) {
    return switch (shape.kind()) {
      case DATE -> 10;
      case DATETIME -> 19;
      case BOOLEAN -> 5;
      default -> shape.maxLength();
    };
  }

  private static String word(OutputShape s) {
    return switch (s.kind()) {
      case TEXT -> "text";
      case INTEGER -> "integers";
      case DECIMAL -> "decimals";
      case BOOLEAN -> "booleans";
      case DATE -> "dates";
      case DATETIME -> "date-times";
      default -> "values";
    };
  }

  private static String lastMaskDescription(Rule r) {
    List<BuiltMask> masks = r.pipeline().masks();
    BuiltMask last = masks.get(masks.size() - 1);
    return "mask '" + last.name() + "' (" + last.location() + ")";
  }
}
