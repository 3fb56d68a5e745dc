package dev.guise.run;

import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.ConnectionsFile;
import dev.guise.exec.LiveSchema;
import dev.guise.exec.TaskKinds;
import dev.guise.mask.MaskRegistry;
import dev.guise.mask.seed.SeedCatalog;
import dev.guise.plan.BuiltPipelines;
import dev.guise.plan.Planner;
import dev.guise.plan.RulesetLoader;
import dev.guise.ruleset.Ruleset;
import dev.guise.secret.RunSecret;
import dev.guise.yaml.Diagnostic;
import dev.guise.yaml.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What every command reads before it works: the ruleset (with its seeds and libraries), the
 * connections, the run secret; and the plan of a ruleset against a live schema.
 */
final class RunInputs {
  private final Function<String, String> environment;
  private final Path guiseHome;

  RunInputs(Function<String, String> environment, Path guiseHome) {
    this.environment = environment;
    this.guiseHome = guiseHome;
  }

  /** The connections file, every connection in it (none of their secrets resolved). */
  ConnectionsFile.Result connections(Path file) {
    return ConnectionsFile.load(file, environment, "");
  }

  /**
   * The named connection from {@code file}, adding the file's problems (and an unknown name) to
   * {@code problems}; null when any of them is an error.
   */
  ConnectionConfig connection(Path file, String name, List<Diagnostic> problems) {
    ConnectionsFile.Result r = ConnectionsFile.load(file, environment, name);
    ConnectionConfig c = r.connections().get(name);
    List<Diagnostic> relevant = new ArrayList<>(r.diagnostics().list());
    if (c == null && r.files().containsKey(name)) {
      relevant.add(
          Diagnostic.error(
              "file-connection",
              Location.of(file.toString()),
              "connection '"
                  + name
                  + "' is a folder (type: file); mask files with --source "
                  + name
                  + " --target OTHER_FOLDER"));
    } else if (c == null && relevant.stream().noneMatch(Diagnostic::isError)) {
      relevant.add(
          Diagnostic.error(
              "unknown-connection",
              Location.of(file.toString()),
              "no connection named '"
                  + name
                  + "'"
                  + (r.connections().isEmpty()
                      ? ""
                      : "; defined: " + String.join(", ", r.connections().keySet()))));
    }
    problems.addAll(relevant);
    return relevant.stream().anyMatch(Diagnostic::isError) ? null : c;
  }

  /**
   * The target connection of a source → target run, adding its problems; refuses a target that is
   * the source itself (the run would read and write the same tables).
   */
  ConnectionConfig transferTarget(
      Path connectionsFile, String name, ConnectionConfig source, List<Diagnostic> problems) {
    ConnectionConfig target = connection(connectionsFile, name, problems);
    if (target != null
        && source != null
        && (target.name().equals(source.name())
            || (target.jdbcUrl().equals(source.jdbcUrl())
                && java.util.Objects.equals(target.schema(), source.schema())))) {
      problems.add(
          Diagnostic.error(
              "target-is-source",
              "connection '" + target.name() + "'",
              "the target is the source's database ("
                  + source.redactedUrl()
                  + "); a source → target run writes a different database, mask in place with"
                  + " -c instead"));
      return null;
    }
    return target;
  }

  RulesetLoader.Result parse(RulesetSource source) {
    SeedCatalog seeds =
        source.seedsDir() == null ? SeedCatalog.builtIn() : new SeedCatalog(source.seedsDir());
    List<Path> libraries = new ArrayList<>(source.libraryDirs());
    libraries.add(guiseHome.resolve("libraries"));
    return new RulesetLoader(
            MaskRegistry.standard(), seeds, TaskKinds.BUILT_IN.readers(), libraries)
        .load(source.file(), source.label());
  }

  static Planner.Result plan(Ruleset ruleset, BuiltPipelines pipelines, ConnectionPool pool) {
    return Planner.plan(ruleset, pipelines, new LiveSchema(pool), TaskKinds.BUILT_IN.planners());
  }

  RunSecret runSecret(RunRequest req) {
    if (req.runSecretFile() != null) {
      return RunSecret.fromFile(req.runSecretFile());
    }
    String fromEnv = environment.apply(RunSecret.ENV);
    if (fromEnv != null) {
      return RunSecret.of(fromEnv, RunSecret.ENV);
    }
    if (req.tokens().reidentify()) {
      // re-identified values come from the token keys alone; a fixed secret lets a resume
      // find this run's without asking the user to keep one
      return RunSecret.of(REIDENTIFY_SECRET, "reidentify");
    }
    return RunSecret.generate();
  }

  private static final String REIDENTIFY_SECRET = "guise/reidentification: values come from keys";
}
