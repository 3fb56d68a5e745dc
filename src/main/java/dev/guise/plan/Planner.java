package dev.guise.plan;

import dev.guise.db.ColumnCategory;
import dev.guise.db.ColumnInfo;
import dev.guise.db.TableInfo;
import dev.guise.mask.BuiltMask;
import dev.guise.mask.OutputShape;
import dev.guise.ruleset.BuildTempTableTask;
import dev.guise.ruleset.Condition;
import dev.guise.ruleset.ConditionalRule;
import dev.guise.ruleset.Diagnostics;
import dev.guise.ruleset.HashColumn;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.ParallelTask;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.RuleItem;
import dev.guise.ruleset.Ruleset;
import dev.guise.ruleset.RunSqlTask;
import dev.guise.ruleset.SerialTask;
import dev.guise.ruleset.Task;
import dev.guise.ruleset.TruncateTableTask;
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
    Map<String, ColumnInfo> read = new LinkedHashMap<>();
    Map<String, ColumnInfo> written = new LinkedHashMap<>();
    List<PlannedRule> rules = new ArrayList<>();
    List<HashColumn> taskHash = m.hashColumns();
    for (HashColumn h : taskHash) {
      column(t, h.column(), m.location().toString()).ifPresent(c -> read.putIfAbsent(c.name(), c));
    }
    List<Guarded> flat = new ArrayList<>();
    flatten(m.rules(), null, flat);
    for (Guarded g : flat) {
      Rule r = g.rule();
      if (g.guard() != null) {
        for (String source : g.guard().columns()) {
          column(t, source, g.guard().location().toString())
              .ifPresent(c -> read.putIfAbsent(c.name(), c));
        }
      }
      Optional<ColumnInfo> col = column(t, r.column(), r.location().toString());
      List<HashColumn> hash = r.hashColumns().orElse(taskHash);
      for (HashColumn h : r.hashColumns().orElse(List.of())) {
        column(t, h.column(), r.location().toString())
            .ifPresent(c -> read.putIfAbsent(c.name(), c));
      }
      for (String source : r.pipeline().columnsRead()) {
        column(t, source, r.location().toString()).ifPresent(c -> read.putIfAbsent(c.name(), c));
      }
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
      read.putIfAbsent(c.name(), c);
      written.putIfAbsent(c.name(), c);
      checkFit(tableName, c, r);
      rules.add(
          new PlannedRule(
              r, c, hash, r.skip() != null ? r.skip() : ruleset.skipDefaults(), g.guard()));
    }
    for (ColumnInfo k : key) {
      read.remove(k.name());
    }
    return new MaskTableStep(
        id,
        m,
        t,
        List.copyOf(key),
        List.copyOf(read.values()),
        List.copyOf(written.values()),
        List.copyOf(rules));
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
              + dev.guise.ruleset.DidYouMean.hint(name, names));
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
