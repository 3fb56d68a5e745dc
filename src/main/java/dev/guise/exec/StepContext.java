package dev.guise.exec;

import dev.guise.db.ConnectionPool;
import dev.guise.plan.Step;
import dev.guise.secret.RunKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What a {@link StepRunner} works with: the run's connections, key, options and clock, where to
 * publish events, and how to run a child step.
 *
 * @param runStart when the run started, as masks see it
 * @param tempTables tables made for the run (with their manifest entries), dropped at its end
 *     (thread-safe)
 * @param children runs a child step to its end and returns its status
 * @param checkpoints the run's progress table, identity and what a resumed run continues
 * @param triggers switches off (or warns about) the triggers of each table before it is written
 * @param transfer in a source → target run, the source and each table task's target table; null for
 *     a run in place ({@code pool} is the target: Guise's own tables live there)
 */
public record StepContext(
    ConnectionPool pool,
    RunKey key,
    Instant runStart,
    RunOptions options,
    Cancellation cancellation,
    RunListener events,
    Clock clock,
    List<TempTables.Made> tempTables,
    Function<Step, RunStatus> children,
    Checkpoints checkpoints,
    TriggerGuard triggers,
    Transfer transfer) {

  /** Runs a child step (of a serial or parallel block) to its end. */
  public RunStatus runChild(Step child) {
    return children.apply(child);
  }
}
