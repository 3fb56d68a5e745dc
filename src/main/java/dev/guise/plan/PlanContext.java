package dev.guise.plan;

import dev.guise.mask.Pipeline;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.Ruleset;
import dev.guise.ruleset.Task;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.IdentifierRules;
import dev.guise.schema.NameMatch;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableLookup;
import dev.guise.schema.TableRef;
import dev.guise.schema.WrittenName;
import dev.guise.yaml.Diagnostics;
import dev.guise.yaml.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link StepPlanner} may use while one ruleset is planned: the ruleset, its built
 * pipelines, tables and columns of the schema (each looked up once), the diagnostics, and planning
 * of nested tasks.
 */
public final class PlanContext {
  private final Ruleset ruleset;
  private final BuiltPipelines pipelines;
  private final SchemaSource schema;
  private final Map<Class<?>, StepPlanners.Registration<?>> planners = new LinkedHashMap<>();
  private final Diagnostics diagnostics = new Diagnostics();
  private final Map<String, TableLookup> tables = new LinkedHashMap<>();
  private final Map<String, String> tempTables = new LinkedHashMap<>();
  private final Map<TableRef, List<ForeignKey>> referencing = new LinkedHashMap<>();
  private final Map<TableRef, Optional<TableInfo>> byRef = new LinkedHashMap<>();
  private final KeyClaims keyClaims = new KeyClaims();

  PlanContext(
      Ruleset ruleset,
      BuiltPipelines pipelines,
      SchemaSource schema,
      List<StepPlanners.Registration<?>> planners) {
    this.ruleset = ruleset;
    this.pipelines = pipelines;
    this.schema = schema;
    planners.forEach(r -> this.planners.put(r.taskType(), r));
  }

  public Ruleset ruleset() {
    return ruleset;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** How the database reads the names a ruleset writes. */
  public IdentifierRules identifiers() {
    return schema.identifiers();
  }

  /** Why {@code where} cannot be used on this database, or null (see {@link SchemaSource}). */
  public String whereProblem(String where) {
    return schema.whereProblem(where);
  }

  /** The rule's masks, built by the loader. */
  public Pipeline pipeline(Rule rule) {
    return pipelines.of(rule);
  }

  /** Plans nested tasks; their ids continue {@code parentId} ({@code ""} for the top level). */
  public List<Step> steps(List<Task> tasks, String parentId) {
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
    StepPlanners.Registration<?> r = planners.get(task.getClass());
    if (r == null) {
      diagnostics.error(
          "unregistered-task",
          task.location(),
          "task type '"
              + task.type()
              + "' is read but this build of Guise cannot plan it; register a StepPlanner for "
              + task.getClass().getSimpleName());
      return null;
    }
    return r.plan(task, id, this);
  }

  /** Marks a table as made by {@code build_temp_table}, so that masking it is reported. */
  public void tempTable(String name, String where) {
    tempTables.put(name.toLowerCase(Locale.ROOT), where);
  }

  public boolean isTempTable(String name) {
    return tempTables.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /**
   * A table to work on, looked up once per run.
   *
   * @param where the position that names it, for messages
   * @return null when it is missing or a temporary table (reported)
   */
  public TableInfo table(String name, String where) {
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
    // keyed as written: "Order" and "order" may be two tables
    TableLookup t = tables.computeIfAbsent(name, schema::lookup);
    if (t.table() == null) {
      diagnostics.error(
          "unknown-table",
          name,
          "table not found (named at "
              + where
              + ")"
              + (t.problem() != null
                  ? t.problem()
                  : "; check the name and the connection's schema"));
      return null;
    }
    return t.table();
  }

  /**
   * A column of the table, named as the ruleset writes it (quoted or not); empty when it is missing
   * (reported with a did-you-mean).
   */
  public Optional<ColumnInfo> column(TableInfo t, String name, String where) {
    if (name == null) {
      return Optional.empty();
    }
    WrittenName w = identifiers().parse(name);
    if (w.problem() != null) {
      diagnostics.error(
          "unknown-column",
          t.ref() + "." + name,
          "the column " + w.problem() + " (at " + where + ")");
      return Optional.empty();
    }
    if (w.parts().size() > 1) {
      // not a plain column name: only a real column whose name holds a dot can match
      Optional<ColumnInfo> c = t.column(name);
      if (c.isEmpty()) {
        List<String> names = t.columns().stream().map(ColumnInfo::name).toList();
        diagnostics.error(
            "unknown-column",
            t.ref() + "." + name,
            "column not found (named at " + where + ")" + DidYouMean.hint(name, names));
      }
      return c;
    }
    return column(t, w.last(), name, where);
  }

  /** One part of a written name, matched against the table's columns by {@link #identifiers}. */
  Optional<ColumnInfo> column(TableInfo t, WrittenName.Part part, String asWritten, String where) {
    List<String> names = t.columns().stream().map(ColumnInfo::name).toList();
    NameMatch m = identifiers().match(part, names);
    if (!m.found()) {
      diagnostics.error(
          "unknown-column",
          t.ref() + "." + asWritten,
          "column not found (named at "
              + where
              + ")"
              + (m.problem() != null ? m.problem() : DidYouMean.hint(part.text(), names)));
      return Optional.empty();
    }
    return t.columns().stream().filter(c -> c.name().equals(m.name())).findFirst();
  }

  /** The foreign keys that reference the table, read once per run. */
  public List<ForeignKey> referencing(TableRef parent) {
    return referencing.computeIfAbsent(parent, schema::referencing);
  }

  /** A table by its real name (a foreign key's child), read once per run. */
  public Optional<TableInfo> table(TableRef ref) {
    return byRef.computeIfAbsent(ref, schema::table);
  }

  /** Claims a column of a key family for the rule on its root (see {@link KeyClaims}). */
  void claimKeyColumn(KeyRewriteStep.KeyColumn k, KeyRewriteStep.KeyColumn root, PlannedRule r) {
    keyClaims.claim(k, root, r, diagnostics);
  }

  /** Records that a rule writes a column, so that one a key family claims is refused. */
  void ruleWrites(TableRef table, String column, String location) {
    keyClaims.written(table, column, location);
  }

  /** Reports rules on columns that a key family rewrites (called once all tasks are planned). */
  void checkKeyClaims() {
    keyClaims.check(diagnostics);
  }
}
