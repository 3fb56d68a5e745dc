package dev.guise.plan;

import dev.guise.mask.UniqueMask;
import dev.guise.ruleset.Task;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unique mask on a key, unique or referenced column, with its foreign-key family: the column and
 * every column that references it, transitively (through composite keys, self-references and
 * cycles). The executor maps every distinct value once (old → new), then rewrites each table of the
 * family from the mapping with the constraints in the way dropped and re-created.
 *
 * @param task the mask_table or mask_unique_key task the rule comes from
 * @param rule the rule on the root column (its pipeline is one {@link UniqueMask})
 * @param columns the root column first, then the columns that follow it, in discovery order
 * @param foreignKeys the foreign keys between the columns of the family
 */
public record KeyRewriteStep(
    String id,
    Task task,
    PlannedRule rule,
    UniqueMask mask,
    List<KeyColumn> columns,
    List<ForeignKey> foreignKeys)
    implements Step {

  /** One column of the family. */
  public record KeyColumn(TableInfo table, ColumnInfo column) {
    @Override
    public String toString() {
      return table.ref() + "." + column.name();
    }
  }

  public KeyRewriteStep {
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys);
  }

  public KeyColumn root() {
    return columns.get(0);
  }

  /** The family's tables, each once, the root's first, with their columns of the family. */
  public Map<TableRef, List<KeyColumn>> byTable() {
    Map<TableRef, List<KeyColumn>> out = new LinkedHashMap<>();
    for (KeyColumn k : columns) {
      out.computeIfAbsent(k.table().ref(), t -> new ArrayList<>()).add(k);
    }
    return out;
  }

  /** The columns that follow the root, for the plan. */
  public List<KeyColumn> cascade() {
    return columns.subList(1, columns.size());
  }

  @Override
  public String describe() {
    List<KeyColumn> cascade = cascade();
    return "mask key "
        + root()
        + " with "
        + rule.pipeline().masks().get(0).name()
        + (cascade.isEmpty()
            ? ""
            : ", cascading to "
                + String.join(", ", cascade.stream().map(KeyColumn::toString).toList()));
  }
}
