package dev.guise.cli;

import dev.guise.exec.Cancellation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns SIGINT and SIGTERM into a graceful cancel while a run is in progress: the batch in flight
 * completes or rolls back, the record says what was written, and the process exits 6. Uses {@code
 * sun.misc.Signal} because a shutdown hook cannot choose the exit code.
 */
@SuppressWarnings("removal")
final class SignalCancel implements AutoCloseable {
  private final List<Object[]> previous = new ArrayList<>();

  private SignalCancel() {}

  static SignalCancel install(boolean enabled, Cancellation cancellation, PrintWriter err) {
    SignalCancel s = new SignalCancel();
    if (!enabled) {
      return s;
    }
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal signal = new sun.misc.Signal(name);
        sun.misc.SignalHandler old =
            sun.misc.Signal.handle(
                signal,
                sig -> {
                  if (!cancellation.cancelledByUser()) {
                    err.println();
                    err.println(
                        "Cancelling: finishing the batch in flight, then stopping (the run record will say what was written).");
                    err.flush();
                  }
                  cancellation.cancel();
                });
        s.previous.add(new Object[] {signal, old});
      } catch (IllegalArgumentException | UnsupportedOperationException unsupported) {
        // the platform lacks this signal: Ctrl-C then ends the JVM the default way
      }
    }
    return s;
  }

  @Override
  public void close() {
    for (Object[] p : previous) {
      sun.misc.Signal.handle((sun.misc.Signal) p[0], (sun.misc.SignalHandler) p[1]);
    }
  }
}
