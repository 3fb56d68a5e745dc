package dev.guise.exec;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Dialect;
import dev.guise.db.Redact;
import dev.guise.plan.BuildTempTableStep;
import dev.guise.plan.CopyTableStep;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.ParallelStep;
import dev.guise.plan.Step;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableInfo;
import dev.guise.schema.TableRef;
import dev.guise.yaml.Diagnostic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a source → target run's plan against the target before anything is written, collecting
 * every problem: each table task's target table exists and takes every source column with a type
 * that maps faithfully; every foreign key of a target table finds its parent written earlier in the
 * run; tasks that would write the source ({@code build_temp_table}) or that this path does not run
 * (a key rewrite) are refused; in the default mode, target tables must be empty. Reads only.
 */
public final class TransferTargets {
  private TransferTargets() {}

  /** The checked targets and the problems found; {@code transfer} is null when any is an error. */
  public record Result(Transfer transfer, List<Diagnostic> problems, List<TableRef> emptyOrder) {}

  /** A table task and when it runs, in steps of a serial order (parallel tasks share a span). */
  private record Slot(Step step, MaskTableStep table, int start, int end) {}

  /**
   * @param resuming the run continues another: its targets hold that run's rows, so they are not
   *     required to be empty
   */
  public static Result check(
      Step plan, ConnectionPool source, ConnectionPool target, TargetMode mode, boolean resuming) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Slot> slots = new ArrayList<>();
    walk(plan, 0, slots, problems);
    String name = "connection '" + target.config().name() + "'";
    LiveSchema targetSchema = new LiveSchema(target);
    Map<String, TableInfo> targets = new LinkedHashMap<>();
    Map<TableRef, Slot> byTarget = new HashMap<>();
    for (Slot s : slots) {
      MaskTableStep step = s.table();
      String sourceTable = step.table().ref().toString();
      Optional<TableInfo> found = find(targetSchema, target.dialect(), step.table().ref().name());
      if (found.isEmpty()) {
        problems.add(
            Diagnostic.error(
                "no-target-table",
                name,
                "table "
                    + step.table().ref().name()
                    + " (read from "
                    + sourceTable
                    + ") does not exist in the target; create the target's tables first, e.g."
                    + " pg_dump --schema-only (see docs/source-target.md)"));
        continue;
      }
      TableInfo t = found.get();
      Slot twice = byTarget.putIfAbsent(t.ref(), s);
      if (twice != null) {
        problems.add(
            Diagnostic.error(
                "target-written-twice",
                name,
                "table "
                    + t.ref()
                    + " is the target of tasks "
                    + twice.step().id()
                    + " and "
                    + s.step().id()
                    + "; a source → target run writes each table once"));
        continue;
      }
      TransferColumns.check(step, t, source.dialect(), target.dialect(), problems);
      targets.put(step.id(), t);
    }
    try (Connection c = target.connection()) {
      try {
        for (Map.Entry<TableRef, Slot> e : byTarget.entrySet()) {
          foreignKeys(c, target.dialect(), e.getKey(), e.getValue(), byTarget, name, problems);
          if (mode == TargetMode.FAIL_IF_NOT_EMPTY && !resuming) {
            TableInfo t = targets.get(e.getValue().step().id());
            if (t != null && holdsRows(c, target.dialect(), t)) {
              problems.add(
                  Diagnostic.error(
                      "target-not-empty",
                      name,
                      "table "
                          + t.ref()
                          + " holds rows; empty it, or pass --target-mode truncate (the run"
                          + " empties it) or --target-mode append"));
            }
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          name + " - cannot read the target's tables: " + Redact.sqlError(e),
          e);
    }
    // children before parents: the foreign-key order reversed
    List<TableRef> emptyOrder = new ArrayList<>();
    for (Slot s : slots) {
      TableInfo t = targets.get(s.step().id());
      if (t != null) {
        emptyOrder.add(0, t.ref());
      }
    }
    boolean bad = problems.stream().anyMatch(Diagnostic::isError);
    return new Result(bad ? null : new Transfer(source, targets), problems, emptyOrder);
  }

  /** The problems of a run in place with tasks that only a source → target run runs. */
  public static List<Diagnostic> inPlace(Step plan) {
    List<Diagnostic> out = new ArrayList<>();
    inPlace(plan, out);
    return out;
  }

  private static void inPlace(Step step, List<Diagnostic> out) {
    if (step instanceof CopyTableStep c) {
      out.add(
          Diagnostic.error(
              "copy-table-in-place",
              c.task().location(),
              "copy_table copies a table from a source to a target; it runs only with --source"
                  + " and --target (remove it to mask in place)"));
    }
    step.children().forEach(ch -> inPlace(ch, out));
  }

  /**
   * Empties the target tables (children first) in one transaction: {@code --target-mode truncate},
   * before any task runs.
   */
  public static void empty(ConnectionPool target, List<TableRef> childrenFirst) {
    if (childrenFirst.isEmpty()) {
      return;
    }
    try (Connection c = target.connection()) {
      try (Statement st = c.createStatement()) {
        for (String sql : target.dialect().emptyTables(childrenFirst)) {
          st.execute(sql);
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          "connection '"
              + target.config().name()
              + "' - emptying the target tables (--target-mode truncate) failed: "
              + Redact.sqlError(e)
              + "; nothing was written",
          e);
    }
  }

  /** Lays the table tasks out in time: serial children one after another, parallel ones at once. */
  private static int walk(Step step, int t, List<Slot> out, List<Diagnostic> problems) {
    if (step instanceof MaskTableStep m) {
      out.add(new Slot(m, m, t, t + 1));
      return t + 1;
    }
    if (step instanceof CopyTableStep c) {
      out.add(new Slot(c, CopyTableRunner.asMaskTable(c), t, t + 1));
      return t + 1;
    }
    if (step instanceof BuildTempTableStep b) {
      problems.add(
          Diagnostic.error(
              "temp-table-in-transfer",
              b.task().location(),
              "build_temp_table creates a table in the database it reads, and a source → target"
                  + " run only reads the source; build the table in the source beforehand, or"
                  + " mask in place"));
      return t;
    }
    if (step instanceof KeyRewriteStep k) {
      problems.add(
          Diagnostic.error(
              "key-rewrite-in-transfer",
              k.task().location(),
              "a unique mask on a key column rewrites the key and every foreign key to it, which"
                  + " a source → target run does not do yet; mask the table in place after the"
                  + " copy, or leave the key unmasked"));
      return t;
    }
    if (step instanceof ParallelStep) {
      int end = t;
      for (Step ch : step.children()) {
        end = Math.max(end, walk(ch, t, out, problems));
      }
      return end;
    }
    int at = t;
    for (Step ch : step.children()) {
      at = walk(ch, at, out, problems);
    }
    return at;
  }

  /** The target table of a source table's name: as the source spells it, else as folded. */
  private static Optional<TableInfo> find(LiveSchema target, Dialect d, String name) {
    Optional<TableInfo> exact = target.table(d.quote(name));
    return exact.isPresent() ? exact : target.table(name);
  }

  private static void foreignKeys(
      Connection c,
      Dialect d,
      TableRef child,
      Slot slot,
      Map<TableRef, Slot> written,
      String name,
      List<Diagnostic> problems)
      throws SQLException {
    for (ForeignKey fk : d.foreignKeysOf(c, child)) {
      TableRef parent = fk.parent();
      if (sameTable(parent, child)) {
        continue; // rows are written in key order; a row must not need a later one (documented)
      }
      Slot p = find(written, parent);
      if (p == null) {
        problems.add(
            Diagnostic.error(
                "fk-parent-not-copied",
                name,
                "target table "
                    + child
                    + " has foreign key "
                    + fk.name()
                    + " to "
                    + parent
                    + ", which is in neither a mask_table nor a copy_table task, so its rows"
                    + " would be missing; add a task for "
                    + parent.name()
                    + " (type: copy_table to copy it unmasked)"));
      } else if (p.end() > slot.start()) {
        problems.add(
            Diagnostic.error(
                "fk-order",
                name,
                "target table "
                    + child
                    + " (task "
                    + slot.step().id()
                    + ") has foreign key "
                    + fk.name()
                    + " to "
                    + parent
                    + ", whose task "
                    + p.step().id()
                    + " does not finish before it starts; move the task for "
                    + parent.name()
                    + " before it (and out of a parallel block they share)"));
      }
    }
  }

  private static boolean sameTable(TableRef a, TableRef b) {
    return a.name().equalsIgnoreCase(b.name())
        && (a.schema() == null || b.schema() == null || a.schema().equalsIgnoreCase(b.schema()));
  }

  private static Slot find(Map<TableRef, Slot> written, TableRef ref) {
    for (Map.Entry<TableRef, Slot> e : written.entrySet()) {
      if (sameTable(e.getKey(), ref)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static boolean holdsRows(Connection c, Dialect d, TableInfo t) throws SQLException {
    String sql = d.sampleRows(t.ref(), List.of(t.columns().get(0).name()), 1, -1);
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }
}
