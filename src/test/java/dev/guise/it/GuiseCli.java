package dev.guise.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guise.cli.CliEnvironment;
import dev.guise.cli.GuiseCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The real command line, run in-process against one engine's sandbox: writes connections.yml and
 * the ruleset into a working folder and captures exit code, stdout and stderr.
 */
final class GuiseCli {
  static final String RUN_SECRET = "contract-suite-run-secret-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Path home;

  /** What one command did; {@code record} is the run record when stdout held one. */
  record Result(int exit, String out, String err, JsonNode record) {
    /** A top-level task, or a nested one by path ({@code 3, 1}: third task's first child). */
    JsonNode task(int... path) {
      JsonNode n = record;
      for (int i : path) {
        n = n.get("tasks").get(i - 1);
      }
      return n;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  GuiseCli(Path dir, Path home, TestEngine engine, int statementTimeout) throws IOException {
    this.dir = dir;
    this.home = home;
    Files.createDirectories(dir);
    String yaml =
        "version: '1.0'\n"
            + "connections:\n"
            + "  it:\n"
            + "    url: \""
            + engine.url().replace("\"", "\\\"")
            + "\"\n"
            + "    schema: "
            + engine.schema
            + "\n"
            + (statementTimeout > 0 ? "    statement_timeout: " + statementTimeout + "\n" : "");
    Files.writeString(dir.resolve("connections.yml"), yaml, StandardCharsets.UTF_8);
  }

  /**
   * {@code guise run ruleset.yml -c it --format json --remask ARGS}: the suites mask tables of one
   * sandbox again and again, so the refusal to mask a table twice (tested on its own) is off.
   */
  Result run(String ruleset, String... args) throws IOException {
    Files.writeString(dir.resolve("ruleset.yml"), ruleset, StandardCharsets.UTF_8);
    List<String> all =
        new ArrayList<>(List.of("run", "ruleset.yml", "-c", "it", "--format", "json", "--remask"));
    all.addAll(List.of(args));
    return command(all.toArray(String[]::new));
  }

  /** The working folder commands run in. */
  Path dir() {
    return dir;
  }

  Result command(String... args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        GuiseCommand.commandLine(
            new CliEnvironment(
                Map.of("GUISE_HOME", home.toString(), "GUISE_RUN_SECRET", RUN_SECRET),
                Clock.systemUTC(),
                dir,
                false,
                false));
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    String o = out.toString();
    JsonNode record = null;
    if (o.trim().startsWith("{")) {
      record = JSON.readTree(o);
    }
    return new Result(exit, o, err.toString(), record);
  }
}
