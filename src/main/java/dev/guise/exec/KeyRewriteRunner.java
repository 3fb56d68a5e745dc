package dev.guise.exec;

import dev.guise.db.ChangeManifest;
import dev.guise.db.Dialect;
import dev.guise.db.KeyRewriteSql;
import dev.guise.db.ProgressTable;
import dev.guise.mask.UniqueMask;
import dev.guise.plan.KeyRewriteStep;
import dev.guise.schema.TableRef;
import dev.guise.secret.SeedEncoder;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The key path of a unique mask ({@link KeyRewriteStep}): checks the family, then maps and rewrites
 * it ({@link KeyFamilyRewrite}). A resumed run first finishes what its predecessor left of any key
 * family (as {@code guise runs repair} does), and skips a family whose mapping was applied. A dry
 * run reads the family and reports what it would do.
 */
final class KeyRewriteRunner implements StepRunner<KeyRewriteStep> {
  /** The run is stopping (a cancel, or another task failed) while a family is rewritten. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped", null, false, false);
    }
  }

  @Override
  public RunStatus run(KeyRewriteStep step, StepContext ctx) {
    String subject = step.root().toString();
    ctx.events().on(new RunEvent.TaskStarted(step.id(), step.describe(), -1));
    Checkpoints run = ctx.checkpoints();
    boolean dry = ctx.options().dryRun();
    Dialect d = ctx.pool().dialect();
    KeyRewriteSql sql = d.keyRewriteSql();
    TaskCheckpoint cp =
        run.enabled() && !dry
            ? new TaskCheckpoint(run, step.id(), step.root().table().ref().toString(), ctx.clock())
            : null;
    boolean begun = false;
    try (Connection c = ctx.pool().connection();
        Connection read = ctx.pool().connection()) {
      if (cp != null && run.resumedFrom() != null && finishedBefore(step, ctx, c)) {
        cp.begin(c, RunStatus.FINISHED.json());
        note(
            ctx,
            step,
            subject + ": mapped and rewritten by run " + run.resumedFrom() + ", skipped");
        return RunStatus.FINISHED;
      }
      KeyFamily family = KeyFamily.read(step, c, sql);
      long distinct = KeyMapping.distinct(c, d, step);
      refuseBeyondSpace(step, distinct);
      warnUnmatched(step, ctx, c, d);
      if (dry) {
        note(ctx, step, "dry run: would " + plan(step, family, distinct));
        return RunStatus.FINISHED;
      }
      if (cp == null || run.manifest() == null) {
        throw new TaskFailure(
            subject
                + " - masking a key needs the run's progress table and change manifest (they"
                + " record what the rewrite drops); run it from the guise command line",
            null);
      }
      note(ctx, step, "will " + plan(step, family, distinct));
      // triggers are switched off (or warned of) before the family's transaction: the guard uses
      // its own connection, which would wait for this one's locks
      c.rollback();
      for (TableRef t : family.columns().keySet()) {
        ctx.triggers().beforeWriting(step.id(), t);
      }
      cp.begin(c, RunStatus.RUNNING.json());
      begun = true;
      RunStatus s = new KeyFamilyRewrite(step, ctx, c, family, mapName(ctx, step)).run(read);
      cp.end(c, s);
      return s;
    } catch (Stopped stopped) {
      end(cp, begun, ctx, RunStatus.CANCELLED);
      return ctx.cancellation().cancelledByUser() ? RunStatus.CANCELLED : RunStatus.SKIPPED;
    } catch (SQLException e) {
      end(cp, begun, ctx, RunStatus.FAILED);
      throw TaskFailure.sql(subject, e, "; the key family was put back as it was");
    } catch (RuntimeException e) {
      end(cp, begun, ctx, RunStatus.FAILED);
      throw e;
    }
  }

  /**
   * Finishes what the continued run left of key families, then tells whether it had applied this
   * family's mapping (its progress row says finished, in the transaction that applied it).
   */
  private static boolean finishedBefore(KeyRewriteStep step, StepContext ctx, Connection c)
      throws SQLException {
    Checkpoints run = ctx.checkpoints();
    List<String> done =
        run.manifest()
            .undoRun(c, run.resumedFrom(), e -> ChangeManifest.KEY_KINDS.contains(e.kind()));
    done.forEach(line -> note(ctx, step, "run " + run.resumedFrom() + ": " + line));
    Optional<ProgressTable.Row> before = run.table().find(c, run.resumedFrom(), step.id());
    if (before.isPresent() && RunStatus.FINISHED.json().equals(before.get().status())) {
      return true;
    }
    // the nearest run of the chain that reached this step (its row read before this run planned)
    ProgressTable.Row chained = run.resumed().get(step.id());
    return chained != null && RunStatus.FINISHED.json().equals(chained.status());
  }

  /**
   * A declared cascade (no foreign key holds it) may hold values the key does not: they have no new
   * value and stay as they were, which the user must hear of.
   */
  private static void warnUnmatched(KeyRewriteStep step, StepContext ctx, Connection c, Dialect d)
      throws SQLException {
    for (KeyRewriteStep.KeyColumn k : step.cascade()) {
      boolean followsKey =
          step.foreignKeys().stream()
              .anyMatch(
                  fk ->
                      fk.child().equals(k.table().ref())
                          && fk.childColumns().contains(k.column().name()));
      if (followsKey) {
        continue;
      }
      long n = KeyMapping.unmatched(c, d, step, k);
      if (n > 0) {
        ctx.events()
            .on(
                new RunEvent.Warning(
                    step.id(),
                    k
                        + " - "
                        + n
                        + " rows hold a value that "
                        + step.root()
                        + " does not; a declared cascade rewrites only the values the key holds,"
                        + " so these keep their original values; mask them in a mask_table task"
                        + " or remove the rows"));
      }
    }
  }

  /** A by-ordinal mask cannot give more distinct outputs than its space holds. */
  private static void refuseBeyondSpace(KeyRewriteStep step, long distinct) {
    Optional<BigInteger> space = step.mask().space();
    if (step.mask().assignment() == UniqueMask.Assignment.BY_ORDINAL
        && space.isPresent()
        && space.get().compareTo(BigInteger.valueOf(distinct)) < 0) {
      throw new TaskFailure(
          step.root()
              + " - has "
              + distinct
              + " distinct values but "
              + step.rule().pipeline().masks().get(0).name()
              + " (rule at "
              + step.rule().rule().location()
              + ") can give only "
              + space.get()
              + "; widen its format. Nothing was changed",
          null);
    }
  }

  private static String plan(KeyRewriteStep step, KeyFamily family, long distinct) {
    return "map "
        + distinct
        + " distinct values of "
        + step.root()
        + ", drop and re-create "
        + (family.dropOrder().isEmpty()
            ? "no constraints"
            : String.join(
                ", ",
                family.dropOrder().stream()
                    .map(k -> k.kind().manifestKind() + " " + k.objectName())
                    .toList()))
        + ", and rewrite "
        + String.join(", ", family.columns().keySet().stream().map(Object::toString).toList());
  }

  /** The mapping table in the guise schema, named after the run and the task. */
  private static String mapName(StepContext ctx, KeyRewriteStep step) {
    byte[] h = new SeedEncoder().add(ctx.checkpoints().runId()).add(step.id()).toBytes();
    String digest;
    try {
      digest =
          HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(h))
              .substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
    Dialect d = ctx.pool().dialect();
    return d.quote(ctx.pool().config().guiseSchema()) + "." + d.quote("keymap_" + digest);
  }

  private static void end(TaskCheckpoint cp, boolean begun, StepContext ctx, RunStatus s) {
    if (cp == null || !begun) {
      return;
    }
    try (Connection c = ctx.pool().connection()) {
      cp.end(c, s);
    } catch (SQLException e) {
      // the task's own failure is what the user needs; the progress row is best effort here
    }
  }

  private static void note(StepContext ctx, KeyRewriteStep step, String message) {
    ctx.events().on(new RunEvent.Note(step.id(), message));
  }

  @Override
  public String target(KeyRewriteStep step) {
    return step.root().table().ref().toString();
  }
}
