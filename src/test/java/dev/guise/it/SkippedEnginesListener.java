package dev.guise.it;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Names, once the tests of a JVM have finished, every server engine that its integration tests were
 * skipped on (a loud line) or ran on embedded, so that a build without a server never passes
 * silently. Registered through {@code META-INF/services}; prints nothing in a JVM whose tests never
 * asked for a server (the unit tests).
 */
public final class SkippedEnginesListener implements TestExecutionListener {
  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    report(IntegrationServers.outcomes(), System.out);
  }

  static void report(
      Map<IntegrationServers.Engine, IntegrationServers.Outcome> outcomes, PrintStream out) {
    for (Map.Entry<IntegrationServers.Engine, IntegrationServers.Outcome> e :
        new TreeMap<>(outcomes).entrySet()) {
      out.println(line(e.getKey(), e.getValue()));
    }
    out.flush();
  }

  static String line(IntegrationServers.Engine engine, IntegrationServers.Outcome outcome) {
    if (outcome.skipped()) {
      return "*** " + engine.title() + " integration tests SKIPPED: " + outcome.how() + " ***";
    }
    return "--- " + engine.title() + " integration tests ran against " + outcome.how() + " ---";
  }
}
