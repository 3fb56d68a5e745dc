package dev.guise.exec;

import dev.guise.plan.SerialStep;
import java.util.ArrayList;
import java.util.List;

/** {@code serial}: the children one after another. */
final class SerialRunner implements StepRunner<SerialStep> {
  @Override
  public RunStatus run(SerialStep step, StepContext ctx) {
    List<RunStatus> done = new ArrayList<>();
    step.children().forEach(c -> done.add(ctx.runChild(c)));
    return sum(done);
  }

  @Override
  public boolean runsChildren() {
    return true;
  }

  /** A block failed when a child did, else was cancelled when a child was. */
  static RunStatus sum(List<RunStatus> children) {
    if (children.contains(RunStatus.FAILED)) {
      return RunStatus.FAILED;
    }
    return children.contains(RunStatus.CANCELLED) ? RunStatus.CANCELLED : RunStatus.FINISHED;
  }
}
