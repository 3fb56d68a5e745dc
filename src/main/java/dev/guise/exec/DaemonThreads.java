package dev.guise.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The executor's threads: daemons (a stuck driver call never keeps the JVM from exiting after the
 * run is recorded), named for the thread dumps and profiles they show up in.
 */
final class DaemonThreads {
  private DaemonThreads() {}

  /** A fixed pool of {@code threads} daemon threads, each called {@code name}. */
  static ExecutorService pool(String name, int threads) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }
}
