package dev.guise.cli;

import dev.guise.plan.BuildTempTableStep;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.PlannedJoin;
import dev.guise.plan.PlannedRule;
import dev.guise.plan.RunSqlStep;
import dev.guise.plan.Step;
import dev.guise.plan.TruncateStep;
import dev.guise.ruleset.HashColumn;
import dev.guise.run.TableFacts;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableRef;
import dev.guise.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code guise plan -c --format json}: each step as data (type, id, table, key, columns with their
 * masks, joins, row estimate, triggers), never a description string alone.
 */
final class PlanJson {
  private final Map<TableRef, TableFacts> facts;

  PlanJson(Map<TableRef, TableFacts> facts) {
    this.facts = facts;
  }

  Map<String, Object> node(Step s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("type", s.task().type());
    if (s instanceof MaskTableStep t) {
      m.put("table", t.table().ref().toString());
      m.put("key", names(t.key()));
      m.put("where", t.task().where());
      TableFacts f = facts.get(t.table().ref());
      if (f != null) {
        m.put("estimated_rows", f.estimatedRows() < 0 ? null : f.estimatedRows());
        m.put("triggers", f.triggers());
      }
      m.put("columns", t.rules().stream().map(PlanJson::column).toList());
      m.put("joins", t.joins().stream().map(PlanJson::join).toList());
    } else if (s instanceof KeyRewriteStep k) {
      m.put("table", k.root().table().ref().toString());
      m.put("key_column", k.root().column().name());
      m.put("columns", List.of(column(k.rule())));
      m.put(
          "cascade",
          k.cascade().stream()
              .map(c -> Map.of("table", c.table().ref().toString(), "column", c.column().name()))
              .toList());
      m.put("foreign_keys", k.foreignKeys().stream().map(Object::toString).toList());
    } else if (s instanceof TruncateStep t) {
      m.put("table", t.table().ref().toString());
    } else if (s instanceof BuildTempTableStep b) {
      m.put("table", b.task().table());
    } else if (s instanceof RunSqlStep r) {
      m.put("sql", r.sql());
    }
    m.put("description", s.describe());
    if (!s.children().isEmpty()) {
      m.put("tasks", s.children().stream().map(this::node).toList());
    }
    return m;
  }

  private static Map<String, Object> column(PlannedRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("column", r.column().name());
    m.put("type", r.column().typeName());
    // the masks as the ruleset wrote them, parameters included
    m.put("masks", r.rule().masks().items().stream().map(YNode::toPlain).toList());
    m.put("hash_columns", r.hashColumns().stream().map(HashColumn::column).toList());
    m.put("conditional", r.guard() != null);
    return m;
  }

  private static Map<String, Object> join(PlannedJoin j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", j.target().ref().toString());
    m.put("key", names(j.targetKey()));
    m.put("source", j.source().ref().toString());
    m.put("source_key", names(j.sourceKey()));
    return m;
  }

  private static List<String> names(List<ColumnInfo> cols) {
    return cols.stream().map(ColumnInfo::name).toList();
  }
}
