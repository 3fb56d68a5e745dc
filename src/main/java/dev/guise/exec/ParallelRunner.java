package dev.guise.exec;

import dev.guise.plan.ParallelStep;
import dev.guise.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** {@code parallel}: the children at once, on up to the run's worker count of threads. */
final class ParallelRunner implements StepRunner<ParallelStep> {
  @Override
  public RunStatus run(ParallelStep p, StepContext ctx) {
    int workers = WorkerShare.of(ctx.options().workers());
    int threads = Math.max(1, Math.min(workers, p.children().size()));
    int share = Math.max(1, workers / threads);
    ExecutorService pool = DaemonThreads.pool("guise-worker-" + p.id(), threads);
    try {
      List<Future<RunStatus>> futures = new ArrayList<>();
      for (Step c : p.children()) {
        futures.add(
            pool.submit(
                () -> {
                  WorkerShare.set(share);
                  try {
                    return ctx.runChild(c);
                  } finally {
                    WorkerShare.clear();
                  }
                }));
      }
      List<RunStatus> done = new ArrayList<>();
      for (Future<RunStatus> f : futures) {
        try {
          done.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          ctx.cancellation().cancel();
          return RunStatus.CANCELLED;
        } catch (ExecutionException e) {
          throw new IllegalStateException("a worker died: " + e.getCause(), e.getCause());
        }
      }
      return SerialRunner.sum(done);
    } finally {
      pool.shutdown();
    }
  }

  @Override
  public boolean runsChildren() {
    return true;
  }
}
