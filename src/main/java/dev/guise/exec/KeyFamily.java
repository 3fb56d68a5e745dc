package dev.guise.exec;

import dev.guise.db.KeyConstraint;
import dev.guise.db.KeyRewriteSql;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A key family as the catalog describes it right before the rewrite: the foreign keys between its
 * columns and the primary and unique keys holding them (the constraints in a permutation's way),
 * and each table's columns to rewrite.
 *
 * @param foreignKeys dropped first, re-created last
 * @param uniques dropped after the foreign keys (which depend on them), re-created before
 * @param indexes plain indexes on the columns, dropped last where the engine rewrites faster
 *     without them, re-created first
 */
record KeyFamily(
    List<ForeignKey> declared,
    List<KeyConstraint> foreignKeys,
    List<KeyConstraint> uniques,
    List<KeyConstraint> indexes,
    Map<TableRef, List<String>> columns) {

  /**
   * Reads the family's constraints.
   *
   * @throws TaskFailure when a column cannot be rewritten (a GENERATED ALWAYS identity)
   */
  static KeyFamily read(KeyRewriteStep step, Connection c, KeyRewriteSql sql) throws SQLException {
    List<String> problems = new ArrayList<>();
    for (KeyRewriteStep.KeyColumn k : step.columns()) {
      String p = sql.identityProblem(c, k.table().ref(), k.column());
      if (p != null) {
        problems.add(k + " " + p);
      }
    }
    if (!problems.isEmpty()) {
      throw new TaskFailure(
          String.join("; ", problems) + " (rule at " + step.rule().rule().location() + ")", null);
    }
    List<KeyConstraint> fks = new ArrayList<>();
    for (ForeignKey fk : step.foreignKeys()) {
      fks.add(sql.foreignKey(c, fk));
    }
    Map<TableRef, List<String>> columns = new LinkedHashMap<>();
    step.byTable()
        .forEach((t, ks) -> columns.put(t, ks.stream().map(k -> k.column().name()).toList()));
    List<KeyConstraint> uniques = new ArrayList<>();
    List<KeyConstraint> indexes = new ArrayList<>();
    for (Map.Entry<TableRef, List<String>> e : columns.entrySet()) {
      uniques.addAll(sql.uniqueConstraints(c, e.getKey(), e.getValue()));
      indexes.addAll(sql.plainIndexes(c, e.getKey(), e.getValue()));
    }
    c.rollback();
    return new KeyFamily(step.foreignKeys(), fks, uniques, indexes, columns);
  }

  /** Every constraint, in the order they are dropped. */
  List<KeyConstraint> dropOrder() {
    List<KeyConstraint> out = new ArrayList<>(foreignKeys);
    out.addAll(uniques);
    out.addAll(indexes);
    return out;
  }
}
