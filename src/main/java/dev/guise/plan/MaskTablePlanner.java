package dev.guise.plan;

import dev.guise.mask.Pipeline;
import dev.guise.mask.UniqueMask;
import dev.guise.ruleset.Condition;
import dev.guise.ruleset.ConditionalRule;
import dev.guise.ruleset.HashColumn;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.RuleItem;
import dev.guise.ruleset.TableJoin;
import dev.guise.ruleset.Task;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.yaml.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a {@code mask_table} task: resolves its table, key, joins and every rule's columns, checks
 * that the key is unique and each pipeline's output fits its column, and lists what to read.
 */
public final class MaskTablePlanner {
  private final PlanContext ctx;
  private final Diagnostics diagnostics;

  private MaskTablePlanner(PlanContext ctx) {
    this.ctx = ctx;
    this.diagnostics = ctx.diagnostics();
  }

  /**
   * The task's step: a {@link MaskTableStep}, or, when rules with unique masks rewrite key columns,
   * a {@link KeyRewriteStep} per such rule (after the table's other rules, in a serial block).
   */
  public static Step plan(MaskTableTask m, String id, PlanContext ctx) {
    return new MaskTablePlanner(ctx).maskTable(m, m, id, Map.of());
  }

  /**
   * @param declared per key column of the task's table, the columns declared to follow it besides
   *     its foreign keys ({@code mask_unique_key}'s {@code additional_cascades})
   */
  static Step plan(
      MaskTableTask m,
      Task owner,
      String id,
      PlanContext ctx,
      Map<String, List<KeyRewriteStep.KeyColumn>> declared) {
    return new MaskTablePlanner(ctx).maskTable(m, owner, id, declared);
  }

  /**
   * @param owner the task the steps belong to: {@code m} itself, or the {@code mask_unique_key}
   *     that reads as it
   */
  private Step maskTable(
      MaskTableTask m,
      Task owner,
      String id,
      Map<String, List<KeyRewriteStep.KeyColumn>> declared) {
    TableInfo t = ctx.table(m.table(), m.location().toString());
    if (t == null) {
      return null;
    }
    String tableName = t.ref().toString();
    String whereProblem = m.where() == null ? null : ctx.whereProblem(m.where());
    if (whereProblem != null) {
      diagnostics.error(
          "unsafe-where",
          m.location(),
          "the where of " + m.table() + " " + whereProblem + "; nothing was run");
    }
    ColumnScope scope = new ColumnScope(t, ctx);
    List<PlannedJoin> joins = new ArrayList<>();
    for (TableJoin j : m.joins()) {
      PlannedJoin pj = join(j, scope);
      if (pj != null) {
        joins.add(pj);
        scope.joins.add(pj);
      }
    }
    List<ColumnInfo> key = new ArrayList<>();
    for (String k : m.key()) {
      ctx.column(t, k, m.location().toString()).ifPresent(key::add);
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
    List<PlannedRule> keyRules = new ArrayList<>();
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
      Pipeline pipeline = ctx.pipeline(r);
      for (String source : pipeline.columnsRead()) {
        scope.read(source, r.location().toString());
      }
      if (r.column() == null) {
        continue;
      }
      if (ctx.identifiers().parse(r.column()).parts().size() > 1
          && t.column(r.column()).isEmpty()) {
        diagnostics.error(
            "joined-column-masked",
            tableName + "." + r.column(),
            "a rule masks a column of the task's own table (rule at "
                + r.location()
                + "); mask a joined table in its own mask_table task");
        continue;
      }
      Optional<ColumnInfo> col = ctx.column(t, r.column(), r.location().toString());
      if (col.isEmpty()) {
        continue;
      }
      ColumnInfo c = col.get();
      ctx.ruleWrites(t.ref(), c.name(), r.location().toString());
      UniqueMask unique = KeyFamilyPlanner.uniqueMask(pipeline);
      // a by-ordinal mask (from_unique) needs every distinct value at once: the key path
      if (key.stream().anyMatch(k -> k.name().equals(c.name()))
          || KeyFamilyPlanner.isKeyColumn(t, c, ctx)
          || (unique != null && unique.assignment() == UniqueMask.Assignment.BY_ORDINAL)) {
        PlannedRule kr = keyRule(tableName, c, r, g, pipeline, hash, m);
        if (kr != null) {
          keyRules.add(kr);
        }
        continue;
      }
      scope.base.putIfAbsent(c.name(), c);
      written.putIfAbsent(c.name(), c);
      OutputFit.check(tableName, c, pipeline, diagnostics);
      rules.add(
          new PlannedRule(
              r,
              pipeline,
              c,
              hash,
              r.skip() != null ? r.skip() : ctx.ruleset().skipDefaults(),
              g.guard()));
    }
    for (ColumnInfo k : key) {
      scope.base.remove(k.name());
    }
    MaskTableStep step =
        new MaskTableStep(
            keyRules.isEmpty() ? id : id + ".1",
            m,
            t,
            List.copyOf(key),
            List.copyOf(scope.base.values()),
            List.copyOf(joins),
            List.copyOf(scope.joined.values()),
            List.copyOf(written.values()),
            List.copyOf(rules),
            Map.copyOf(scope.references));
    if (keyRules.isEmpty()) {
      return step;
    }
    List<Step> steps = new ArrayList<>();
    if (!rules.isEmpty()) {
      steps.add(step);
    }
    for (PlannedRule kr : keyRules) {
      String kid = id + "." + (steps.size() + 1);
      steps.add(
          KeyFamilyPlanner.plan(
              kid,
              owner,
              t,
              kr,
              KeyFamilyPlanner.uniqueMask(kr.pipeline()),
              declared.getOrDefault(kr.column().name(), List.of()),
              ctx));
    }
    if (steps.size() == 1) {
      KeyRewriteStep only = (KeyRewriteStep) steps.get(0);
      return new KeyRewriteStep(
          id, owner, only.rule(), only.mask(), only.columns(), only.foreignKeys());
    }
    return new SerialStep(id, owner, steps);
  }

  /**
   * A rule on a key, unique or referenced column: only a single unique mask may rewrite it, on
   * every row (the key path maps each distinct value once and rewrites every table that references
   * it).
   */
  private PlannedRule keyRule(
      String tableName,
      ColumnInfo c,
      Rule r,
      Guarded g,
      Pipeline pipeline,
      List<HashColumn> hash,
      MaskTableTask m) {
    String subject = tableName + "." + c.name();
    String problem = null;
    if (KeyFamilyPlanner.uniqueMask(pipeline) == null) {
      problem =
          pipeline.masks().size() > 1
                  && pipeline.masks().stream().anyMatch(b -> b.mask() instanceof UniqueMask)
              ? "is a key, unique or referenced column and its rule chains masks; a chain's"
                  + " output is not guaranteed unique, so use the unique mask alone"
              : "is a key, unique or referenced column; mask it with a unique mask"
                  + " (imitate_unique, imitate_uuid, from_unique) alone, which keeps it unique"
                  + " and rewrites the columns that reference it, or leave it unmasked";
    } else if (g.guard() != null) {
      problem =
          "is a key column and its unique mask sits in a conditional block; a key is rewritten"
              + " on every row or on none, so move the rule out of the if";
    } else if (m.where() != null) {
      problem =
          "is a key column and the task has a where; a key is rewritten on every row (a part"
              + " rewritten could collide with the rest), so mask it in a task without where";
    } else if (r.hashColumns().isPresent()) {
      problem =
          "is a key column; a unique mask is a function of the value alone, so remove its"
              + " hash_columns";
    }
    if (problem != null) {
      diagnostics.error("key-column-masked", subject, problem + " (rule at " + r.location() + ")");
      return null;
    }
    OutputFit.check(tableName, c, pipeline, diagnostics);
    return new PlannedRule(
        r, pipeline, c, hash, r.skip() != null ? r.skip() : ctx.ruleset().skipDefaults(), null);
  }

  private PlannedJoin join(TableJoin j, ColumnScope scope) {
    String where = j.location().toString();
    if (j.targetTable() == null || j.sourceTable() == null) {
      return null;
    }
    if (ctx.isTempTable(j.targetTable())) {
      diagnostics.error(
          "unsupported",
          j.targetTable(),
          "joining a build_temp_table table (at "
              + where
              + ") is not supported yet; join the"
              + " tables it selects from instead");
      return null;
    }
    TableInfo target = ctx.table(j.targetTable(), where);
    TableInfo source = scope.source(j.sourceTable());
    if (source == null) {
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
      ctx.column(target, k, where).ifPresent(targetKey::add);
    }
    List<ColumnInfo> sourceKey = new ArrayList<>();
    for (String k : j.sourceKey()) {
      ctx.column(source, k, where).ifPresent(sourceKey::add);
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

  /** A rule with the condition under which it applies (null: always). */
  record Guarded(Rule rule, Condition guard) {}

  /**
   * Flattens conditional blocks: each rule gets the conjunction of the conditions on its path
   * (negated on the {@code else_rules} side), so the executor sees a flat list.
   */
  static void flatten(List<RuleItem> items, Condition guard, List<Guarded> out) {
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
}
