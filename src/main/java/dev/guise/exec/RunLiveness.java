package dev.guise.exec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the process of a run is gone, from what its record or its rows say: the same host and a
 * pid that is no longer alive (or alive again as a process started after the run was created, the
 * pid reused). On another host a process cannot be seen; the run's lock tells there.
 */
public final class RunLiveness {
  private RunLiveness() {}

  /** This machine's name as records and Guise's rows give it. */
  public static String thisHost() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  /**
   * A process that has ended and waits for its parent to collect its status (state Z in Linux's
   * {@code /proc/PID/stat}): alive to {@link ProcessHandle#isAlive}, yet it runs nothing and holds
   * nothing. Right after a kill -9 a run stays one until its parent reaps it, for ever when the
   * parent never does. False where there is no {@code /proc}.
   */
  static boolean zombie(long pid) {
    // read with a plain stream: exec writes no files (ArchitectureTest), and this only reads
    try (java.io.InputStream in = new java.io.FileInputStream("/proc/" + pid + "/stat")) {
      String stat = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int end = stat.lastIndexOf(')'); // the command name in parentheses may hold anything
      return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * True when the run's process ran on this host and is gone.
   *
   * @param since when the run was created, or null: a live process started later reused the pid
   */
  public static boolean deadHere(String host, long pid, Instant since) {
    if (host == null || pid <= 0 || !host.equals(thisHost())) {
      return false;
    }
    if (pid == ProcessHandle.current().pid()) {
      return false;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive() || zombie(pid)) {
      return true;
    }
    Optional<Instant> started = p.get().info().startInstant();
    // start instants are coarse on some systems: allow a second before calling it a reuse
    return since != null && started.isPresent() && started.get().isAfter(since.plusSeconds(1));
  }
}
