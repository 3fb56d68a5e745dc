package dev.guise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the real command line in-process against an H2 file database in a temp folder, with its own
 * GUISE_HOME, and captures exit code, stdout and stderr.
 */
final class CliHarness {
  static final String SECRET = "harness-run-secret-0123456789";

  final Path dir;
  final Path home;
  final String url;
  final Map<String, String> env = new HashMap<>();

  /** What one command printed and returned. */
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  CliHarness(Path dir) throws IOException {
    this.dir = dir;
    this.home = dir.resolve("home");
    this.url = "jdbc:h2:" + dir.resolve("db").toAbsolutePath().toString().replace('\\', '/');
    env.put("GUISE_HOME", home.toString());
    env.put("GUISE_RUN_SECRET", SECRET);
    write("connections.yml", "version: '1.0'\nconnections:\n  db:\n    url: " + url + "\n");
  }

  /** A harness whose database holds RunCommandTest's people and contacts, with its ruleset.yml. */
  static CliHarness withSampleData(Path dir) throws Exception {
    CliHarness h = new CliHarness(dir);
    RunCommandTest.createData(h);
    h.write("ruleset.yml", RunCommandTest.RULESET);
    return h;
  }

  /**
   * Writes connections {@code db} (this harness's database) and folders {@code in}, {@code out}.
   */
  void writeFileConnections() throws IOException {
    write(
        "connections.yml",
        "version: '1.0'\nconnections:\n  db:\n    url: "
            + url
            + "\n  in:\n    type: file\n    path: in\n  out:\n    type: file\n    path: out\n");
  }

  /** Writes {@code files.yml} and runs it from the folder {@code in} to {@code out}. */
  Result runFiles(String ruleset, String... more) throws IOException {
    write("files.yml", ruleset);
    String[] args = new String[6 + more.length];
    System.arraycopy(
        new String[] {"run", "files.yml", "--source", "in", "--target", "out"}, 0, args, 0, 6);
    System.arraycopy(more, 0, args, 6, more.length);
    return run(args);
  }

  /** {@link #runFiles} on another thread, for a test that stops or watches the run. */
  java.util.concurrent.CompletableFuture<Result> runFilesInBackground(String ruleset) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            return runFiles(ruleset);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        GuiseCommand.commandLine(
            new CliEnvironment(Map.copyOf(env), Clock.systemUTC(), dir, false, false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String st : statements) {
        s.execute(st);
      }
    }
  }

  /** Every row of a table in key order, as text: the byte-for-byte comparison of two states. */
  String dump(String table, String orderBy) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= md.getColumnCount(); i++) {
          sb.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The newest run's run.json. */
  String lastRecord() throws IOException {
    Path runs = home.resolve("runs");
    try (var s = Files.list(runs)) {
      Path last = s.sorted().reduce((a, b) -> b).orElseThrow();
      return Files.readString(last.resolve("run.json"));
    }
  }

  String lastLog() throws IOException {
    Path runs = home.resolve("runs");
    try (var s = Files.list(runs)) {
      Path last = s.sorted().reduce((a, b) -> b).orElseThrow();
      return Files.readString(last.resolve("log.jsonl"));
    }
  }

  /**
   * The id of the run started in the background as {@code run} once {@code ready} holds for its
   * folder (its record says running, its log holds lines ...), polling for up to a minute; fails
   * when the run ends first.
   */
  String awaitRun(
      java.util.concurrent.CompletableFuture<?> run, java.util.function.Predicate<Path> ready)
      throws Exception {
    Path runs = home.resolve("runs");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      org.assertj.core.api.Assertions.assertThat(run)
          .as("the run ended before it was ready")
          .isNotDone();
      if (Files.isDirectory(runs)) {
        try (java.util.stream.Stream<Path> s = Files.list(runs)) {
          for (Path d : s.toList()) {
            if (ready.test(d)) {
              return d.getFileName().toString();
            }
          }
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the run never got ready");
  }
}
