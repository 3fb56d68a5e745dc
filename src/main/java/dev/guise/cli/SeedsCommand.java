package dev.guise.cli;

import dev.guise.mask.seed.SeedCatalog;
import dev.guise.mask.seed.SeedInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code guise seeds list}: the seed files {@code from_file} can use. */
@Command(
    name = "seeds",
    mixinStandardHelpOptions = true,
    description = "Lists the seed files masks such as from_file draw values from.",
    subcommands = {SeedsCommand.ListSeeds.class},
    footer = {"%nExample:", "  guise seeds list --seeds-dir ./my-seeds"})
final class SeedsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code guise seeds list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Lists built-in and user seed files with their row counts and columns. User files (--seeds-dir) come first and replace built-ins of the same name."
      },
      footer = {
        "%nExamples:",
        "  guise seeds list",
        "  guise seeds list --seeds-dir ./seeds --format json"
      })
  static final class ListSeeds implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(
        names = "--seeds-dir",
        paramLabel = "DIR",
        description = "Folder of user seed files (CSV with a header).")
    Path seedsDir;

    ListSeeds(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      SeedCatalog catalog =
          seedsDir == null
              ? SeedCatalog.builtIn()
              : new SeedCatalog(env.workingDir().resolve(seedsDir));
      List<SeedInfo> seeds = catalog.list();
      PrintWriter out = spec.commandLine().getOut();
      if (common.json()) {
        Workspace.printJson(
            seeds.stream()
                .map(
                    s -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("name", s.name());
                      m.put("source", s.source().name().toLowerCase());
                      m.put("rows", s.rowCount());
                      m.put("columns", s.columns());
                      return m;
                    })
                .toList(),
            out);
        return ExitCodes.OK;
      }
      int w = seeds.stream().mapToInt(s -> s.name().length()).max().orElse(10);
      for (SeedInfo s : seeds) {
        out.printf(
            "  %-" + w + "s  %-8s %7d rows  %s%n",
            s.name(),
            s.source().name().toLowerCase(),
            s.rowCount(),
            String.join(", ", s.columns()));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
