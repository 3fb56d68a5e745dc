package dev.guise.run;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ProgressTable;
import dev.guise.exec.ReadQueries;
import dev.guise.exec.Shard;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.plan.MaskTableStep;
import dev.guise.plan.Step;
import dev.guise.yaml.Diagnostic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sharded run ({@code --shard I/N}) refuses before it touches anything: key masking (it
 * moves the keys the shards cut the tables by), and a table that shards of another set (another N
 * or another ruleset) have begun and not all finished, or that another shard of the same set cut
 * when it had another number of keys. A shard's checkpoint rows say which set it belongs to: their
 * task ids are {@code step@I/N:set[#k/n:keys]}.
 */
final class ShardCheck {
  private static final Pattern TAG =
      Pattern.compile("@(\\d+)/(\\d+):([0-9a-f]{12})(?:#(\\d+)/(\\d+):(\\d+))?$");

  private ShardCheck() {}

  /** A shard row's task id, read back; null for a row of a whole run. */
  record Tag(int index, int of, String set, int range, int ranges, long keys) {
    static Tag of(String taskId) {
      Matcher m = TAG.matcher(taskId);
      if (!m.find()) {
        return null;
      }
      return new Tag(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          m.group(3),
          m.group(4) == null ? 1 : Integer.parseInt(m.group(4)),
          m.group(5) == null ? 1 : Integer.parseInt(m.group(5)),
          m.group(6) == null ? -1 : Long.parseLong(m.group(6)));
    }

    String label() {
      return index + "/" + of;
    }
  }

  /** Key masking cannot be sharded: one error per key step. */
  static List<Diagnostic> refusals(Step plan, Shard shard) {
    List<Diagnostic> out = new ArrayList<>();
    if (shard != null) {
      keySteps(plan, out, shard);
    }
    return out;
  }

  private static void keySteps(Step step, List<Diagnostic> out, Shard shard) {
    if (step instanceof KeyRewriteStep k) {
      out.add(
          Diagnostic.error(
              "shard-key",
              k.root().table().ref(),
              "key masking cannot be sharded (--shard "
                  + shard.label()
                  + "): it rewrites the keys the shards cut every table by; mask the keys in a"
                  + " run of their own without --shard, before or after the sharded runs"));
    }
    step.children().forEach(c -> keySteps(c, out, shard));
  }

  /**
   * Errors for the plan's tables that shards of another set have begun and not all finished, or
   * that another shard of this unfinished set cut at another key count (rows were added or deleted
   * since, so the parts would not meet).
   *
   * @param pool where the progress table is (the target)
   * @param read where the tables are read (the source of a source → target run)
   */
  static List<Diagnostic> conflicts(
      ConnectionPool pool, ConnectionPool read, ProgressTable progress, Step plan, Shard shard) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, MaskTableStep> tables = new LinkedHashMap<>();
    tables(plan, tables);
    try (Connection c = pool.connection()) {
      for (Map.Entry<String, MaskTableStep> e : tables.entrySet()) {
        String t = e.getKey();
        Map<String, List<ProgressTable.Row>> sets = new LinkedHashMap<>();
        for (ProgressTable.Row r : progress.on(c, t)) {
          Tag tag = Tag.of(r.taskId());
          if (tag != null) {
            sets.computeIfAbsent(tag.of() + ":" + tag.set(), k -> new ArrayList<>()).add(r);
          }
        }
        String mine = shard.of() + ":" + shard.set();
        List<ProgressTable.Row> ours = sets.get(mine);
        if (ours != null && !complete(ours, shard.of())) {
          Diagnostic drift = drift(read, e.getValue(), ours, shard);
          if (drift != null) {
            out.add(drift);
          }
        }
        sets.forEach(
            (set, rows) -> {
              Tag first = Tag.of(rows.get(0).taskId());
              if (!set.equals(mine) && !complete(rows, first.of())) {
                out.add(
                    Diagnostic.error(
                        "shard-set",
                        t,
                        "is being masked in "
                            + first.of()
                            + " shards of ruleset "
                            + first.set()
                            + " (run "
                            + rows.get(rows.size() - 1).runId()
                            + ", not all finished); this run is shard "
                            + shard.label()
                            + " of ruleset "
                            + shard.set()
                            + ". Run every shard with the same ruleset and N, or finish (or"
                            + " --resume) those shards first"));
              }
            });
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          pool.config().name()
              + " - cannot read "
              + progress.qualified()
              + ": "
              + dev.guise.db.Redact.sqlError(e),
          e);
    }
    return out;
  }

  /**
   * The error when another shard of this set cut the table at another number of keys than it has
   * now; null when they agree (or none cut it: a table masked whole has no cut).
   */
  private static Diagnostic drift(
      ConnectionPool read, MaskTableStep step, List<ProgressTable.Row> rows, Shard shard)
      throws SQLException {
    ProgressTable.Row cut = null;
    for (ProgressTable.Row r : rows) {
      Tag tag = Tag.of(r.taskId());
      if (tag.index() != shard.index() && tag.keys() >= 0) {
        cut = r;
      }
    }
    if (cut == null) {
      return null;
    }
    Tag tag = Tag.of(cut.taskId());
    long now;
    try (Connection c = read.connection()) {
      now = ReadQueries.keys(c, read.dialect(), step);
    }
    if (now == tag.keys()) {
      return null;
    }
    return Diagnostic.error(
        "shard-keys",
        step.table().ref().toString(),
        "has "
            + now
            + " keys now and had "
            + tag.keys()
            + " when shard "
            + tag.label()
            + " (run "
            + cut.runId()
            + ") cut it into "
            + tag.of()
            + " parts: rows were added or deleted since, so this shard's part would not meet"
            + " the others'; restore the table and run every shard again, or mask it in one run"
            + " without --shard");
  }

  /**
   * A set is complete when every one of its N shards has rows for all of its key ranges and all of
   * them finished.
   */
  private static boolean complete(List<ProgressTable.Row> rows, int of) {
    for (int i = 1; i <= of; i++) {
      Set<Integer> ranges = new LinkedHashSet<>();
      int expected = -1;
      for (ProgressTable.Row r : rows) {
        Tag tag = Tag.of(r.taskId());
        if (tag.index() != i) {
          continue;
        }
        if (!"finished".equals(r.status())) {
          return false;
        }
        ranges.add(tag.range());
        expected = tag.ranges();
      }
      if (expected < 0 || ranges.size() < expected) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a finished row on a table belongs to another shard of this set: it masked another key
   * range, so it does not make the table "already masked" for this shard.
   */
  static boolean siblingOf(String taskId, Shard shard) {
    Tag tag = Tag.of(taskId);
    return shard != null
        && tag != null
        && tag.of() == shard.of()
        && tag.set().equals(shard.set())
        && tag.index() != shard.index();
  }

  private static void tables(Step step, Map<String, MaskTableStep> out) {
    if (step instanceof MaskTableStep m) {
      out.putIfAbsent(m.table().ref().toString(), m);
    }
    step.children().forEach(c -> tables(c, out));
  }
}
