package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.exec.RunOptions;
import dev.guise.run.RulesetSource;
import dev.guise.run.RunRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code guise demo}: builds the sample H2 database and masks it end to end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a sample shop database on embedded H2 and masks it end to end.",
      "",
      "Creates (or recreates) a sample shop database (H2, under $GUISE_HOME/demo/) with 10,000 customers, their addresses, 30,000 orders with payments and card numbers, and employees with salaries and notes; then masks it with examples/demo/ruleset.yml and prints a before/after sample and the run summary. The data is made up, so originals are shown.",
      "",
      "Afterwards, run it yourself:",
      "  guise run examples/demo/ruleset.yml -c demo --connections examples/demo/connections.yml"
    },
    footer = {"%nExamples:", "  guise demo", "  guise demo --dry-run", ExitCodes.HELP})
final class DemoCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--dry-run", description = "Build the database and mask it without writing.")
  boolean dryRun;

  DemoCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Path demoDir = env.guiseHome().resolve("demo");
    PrintWriter err = spec.commandLine().getErr();
    Path ruleset = env.workingDir().resolve("examples/demo/ruleset.yml");
    Path connections = env.workingDir().resolve("examples/demo/connections.yml");
    try {
      Files.createDirectories(demoDir);
      if (!Files.exists(ruleset) || !Files.exists(connections)) {
        ruleset = extract("demo/ruleset.yml", demoDir.resolve("ruleset.yml"));
        connections = extract("demo/connections.yml", demoDir.resolve("connections.yml"));
      }
      Files.deleteIfExists(demoDir.resolve("demo.mv.db"));
      Files.deleteIfExists(demoDir.resolve("demo.trace.db"));
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          demoDir + " - cannot prepare the demo folder (" + e.getMessage() + ")");
    }
    String url = "jdbc:h2:" + demoDir.toAbsolutePath().toString().replace('\\', '/') + "/demo";
    if (!common.quiet && !common.json()) {
      err.println("Creating the demo database in " + demoDir + " ...");
      err.flush();
    }
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      new DemoDatabase().create(c);
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE, url + " - cannot create the demo database: " + e.getMessage(), e);
    }
    if (!common.quiet && !common.json()) {
      err.println(
          "Masking it with " + env.workingDir().relativize(ruleset.toAbsolutePath()) + " ...");
      err.flush();
    }
    RunOptions options =
        RunOptions.defaults().withName("demo").withDryRun(dryRun).withShowOriginals(true);
    RunRequest req =
        new RunRequest(
            new RulesetSource(ruleset, ruleset.toString(), null),
            connections,
            "demo",
            options,
            null,
            false,
            env.guiseHome().resolve("runs"));
    return new RunAction(env, common, spec.commandLine().getOut(), err).run(req, false);
  }

  private static Path extract(String resource, Path target) throws IOException {
    try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("resource " + resource + " missing from the jar");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
