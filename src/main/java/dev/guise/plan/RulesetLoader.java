package dev.guise.plan;

import dev.guise.mask.MaskBuilder;
import dev.guise.mask.MaskRegistry;
import dev.guise.mask.Pipeline;
import dev.guise.mask.seed.SeedCatalog;
import dev.guise.ruleset.MaskSpec;
import dev.guise.ruleset.Ruleset;
import dev.guise.ruleset.RulesetParser;
import dev.guise.ruleset.TaskReader;
import dev.guise.yaml.Diagnostic;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a ruleset and builds every rule's masks, without a database: what {@code guise validate}
 * and {@code guise plan} check offline, and what {@link Planner} plans from. Mask problems are
 * reported among the parse's, in document order, with their file:line:col.
 */
public final class RulesetLoader {
  /**
   * @param ruleset null while any error stands
   * @param pipelines the built masks of every rule; null with the ruleset
   */
  public record Result(Ruleset ruleset, BuiltPipelines pipelines, List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private final MaskRegistry registry;
  private final SeedCatalog seeds;
  private final Map<String, TaskReader> readers;
  private final List<Path> libraryDirs;

  /**
   * A loader with the built-in seed files.
   *
   * @param readers the task types it reads, by YAML {@code type} (exec's {@code TaskKinds})
   */
  public RulesetLoader(MaskRegistry registry, Map<String, TaskReader> readers) {
    this(registry, SeedCatalog.builtIn(), readers);
  }

  /**
   * @param seeds seed files for {@code from_file} (a user directory first, then the built-ins)
   * @param readers the task types it reads, by YAML {@code type}
   */
  public RulesetLoader(MaskRegistry registry, SeedCatalog seeds, Map<String, TaskReader> readers) {
    this(registry, seeds, readers, List.of());
  }

  /**
   * @param libraryDirs folders searched in turn for the libraries a ruleset imports
   */
  public RulesetLoader(
      MaskRegistry registry,
      SeedCatalog seeds,
      Map<String, TaskReader> readers,
      List<Path> libraryDirs) {
    this.registry = registry;
    this.seeds = seeds;
    this.readers = readers;
    this.libraryDirs = List.copyOf(libraryDirs);
  }

  public Result load(Path path) {
    return load(path, path.toString());
  }

  /**
   * @param shown the name used in messages (the path as the user typed it)
   */
  public Result load(Path path, String shown) {
    Map<MaskSpec, Pipeline> built = new IdentityHashMap<>();
    return result(parser(built).parse(path, shown), built);
  }

  public Result load(String text, String fileName) {
    Map<MaskSpec, Pipeline> built = new IdentityHashMap<>();
    return result(parser(built).parse(text, fileName), built);
  }

  private RulesetParser parser(Map<MaskSpec, Pipeline> built) {
    return new RulesetParser(
        readers,
        (spec, baseDir, diagnostics) ->
            built.put(
                spec,
                new MaskBuilder(registry, seeds, baseDir, diagnostics)
                    .pipeline(spec.items(), spec.location())),
        libraryDirs);
  }

  private static Result result(RulesetParser.Result parsed, Map<MaskSpec, Pipeline> built) {
    return new Result(
        parsed.ruleset(),
        parsed.ruleset() == null ? null : new BuiltPipelines(built),
        parsed.diagnostics());
  }
}
