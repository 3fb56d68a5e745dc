package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionConfig;
import dev.guise.exec.RunOptions;
import dev.guise.mask.TokenizeMask;
import dev.guise.run.Reidentification;
import dev.guise.run.RulesetSource;
import dev.guise.run.RunRequest;
import dev.guise.run.TokenOptions;
import dev.guise.run.TokenValues;
import dev.guise.secret.TokenKey;
import dev.guise.yaml.Diagnostic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guise reidentify}: tokens back into originals, in a database or from a list. */
@Command(
    name = "reidentify",
    mixinStandardHelpOptions = true,
    description = {
      "Turns tokens back into the originals, with the token keys that made them.",
      "",
      "guise reidentify RULESET -c NAME runs the inverse of every tokenize rule of the ruleset on the connection's database, with the run machinery of 'guise run': checked first (exit 3, nothing touched), batches that commit with their checkpoint, progress, a run record (mask_type: reidentification), Ctrl-C, --dry-run, and 'guise run --resume RUN_ID'. Rules with other masks are one-way: they are skipped and listed. A key whose check value differs from the one the database recorded when it was tokenized is refused.",
      "",
      "guise reidentify --values FILE|- --key NAME turns tokens given one per line (or a CSV column with --column) into originals on stdout, touching no database. With -c NAME or --run RUN_ID the key is first checked against the tokenized database or the tokenizing run.",
      "",
      "Originals are personal data: the output of --values and the re-identified database need the care the production data had."
    },
    footer = {
      "%nExamples:",
      "  guise reidentify ruleset.yml -c analytics --dry-run",
      "  guise reidentify ruleset.yml -c analytics",
      "  guise reidentify --values fraud-cases.txt --key customers -c analytics",
      "  guise reidentify --values - --key customers --type integer < ids.txt",
      "  guise reidentify --values cases.csv --column 2 --header --key customers --run RUN_ID",
      "  guise reidentify --values - --key emails --token-format prefixed",
      ExitCodes.HELP
    })
final class ReidentifyCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connections;
  @Mixin KeysOption keys;
  @Mixin RunsDirOption runs;
  @Mixin RunBatchOptions batch;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "RULESET",
      description = "The ruleset that tokenized the database (its tokenize rules are reversed).")
  Path rulesetFile;

  @Option(
      names = {"-c", "--connection"},
      paramLabel = "NAME",
      description =
          "The tokenized database. With --values: only to check the key against it (read-only).")
  String connection;

  @Option(
      names = "--values",
      paramLabel = "FILE",
      description = "Tokens one per line (or CSV with --column); '-' reads stdin.")
  String values;

  @Option(
      names = "--key",
      paramLabel = "NAME",
      description = "With --values: the token key that made the tokens.")
  String keyName;

  @Option(
      names = "--token-format",
      paramLabel = "FORMAT",
      defaultValue = "preserve",
      description =
          "With --values: preserve or prefixed, as the tokenize rule. Default: ${DEFAULT-VALUE}.")
  TokenizeMask.Format tokenFormat;

  @Option(
      names = "--prefix",
      paramLabel = "TEXT",
      description = "With --token-format prefixed: the rule's prefix. Default: tok_.")
  String prefix;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "text",
      description =
          "With --values: what the tokens are: text, integer, decimal, date, timestamp. Default:"
              + " ${DEFAULT-VALUE}.")
  TokenValues.Type type;

  @Option(
      names = "--column",
      paramLabel = "N",
      description = "With --values: the input is CSV and the tokens are in column N (from 1).")
  Integer column;

  @Option(names = "--header", description = "With --column: the first line is a header.")
  boolean header;

  @Option(
      names = "--run",
      paramLabel = "RUN_ID",
      description = "With --values: check the key against the fingerprint this run recorded.")
  String runId;

  @Option(
      names = "--seeds-dir",
      paramLabel = "DIR",
      description = "Folder of user seed files the ruleset needs to load.")
  Path seedsDir;

  @Option(names = "--libraries", paramLabel = "DIR", description = RulesetOptions.LIBRARIES_HELP)
  Path librariesDir;

  @Option(
      names = "--sample-rows",
      paramLabel = "N",
      defaultValue = "0",
      description = "Before/after rows shown per table. Default: ${DEFAULT-VALUE}.")
  int sampleRows;

  @Option(names = "--strict", description = "Exit 7 when the run finished with warnings.")
  boolean strict;

  ReidentifyCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (values != null) {
      return values();
    }
    if (rulesetFile == null || connection == null) {
      throw new GuiseException(
          ErrorCode.USAGE, "reidentify - give a RULESET and -c NAME, or --values FILE --key NAME");
    }
    if (keyName != null || column != null || runId != null) {
      throw new GuiseException(
          ErrorCode.USAGE, "reidentify - --key, --column and --run apply only with --values");
    }
    RunOptions options = batch.options(sampleRows, false, 0);
    Duration waitFor = batch.waitFor();
    Workspace ws = new Workspace(env);
    RulesetOptions ruleset = new RulesetOptions();
    ruleset.ruleset = rulesetFile;
    ruleset.seedsDir = seedsDir;
    ruleset.librariesDir = librariesDir;
    RulesetSource source = ws.ruleset(ruleset);
    Reidentification reid = ws.service().reidentification(source);
    PrintWriter err = spec.commandLine().getErr();
    if (!common.quiet && !reid.skipped().isEmpty()) {
      err.println("Skipped (one-way masks are not reversed):");
      reid.skipped().forEach(s -> err.println("  " + s));
      err.flush();
    }
    RunRequest req =
        new RunRequest(
                source,
                ws.connectionsFile(connections),
                connection,
                options,
                null,
                false,
                runs.store(env).dir(),
                null,
                false,
                false,
                waitFor)
            .withTokens(new TokenOptions(keys.file(env), true));
    return new RunAction(env, common, spec.commandLine().getOut(), err).run(req, strict);
  }

  private int values() {
    if (rulesetFile != null) {
      throw new GuiseException(
          ErrorCode.USAGE, "--values - takes --key NAME, not a RULESET (it touches no database)");
    }
    if (keyName == null) {
      throw new GuiseException(
          ErrorCode.USAGE, "--values - needs --key NAME: the token key that made the tokens");
    }
    if (column != null && column < 1) {
      throw new GuiseException(ErrorCode.USAGE, "--column - counts from 1");
    }
    if (prefix != null && tokenFormat != TokenizeMask.Format.PREFIXED) {
      throw new GuiseException(ErrorCode.USAGE, "--prefix - applies with --token-format prefixed");
    }
    PrintWriter err = spec.commandLine().getErr();
    TokenKey key = keys.store(env).get(keyName);
    List<String> warnings = new ArrayList<>();
    if (connection != null) {
      List<Diagnostic> problems = new ArrayList<>();
      ConnectionConfig conn = new Workspace(env).connection(connections, connection, problems);
      if (conn == null) {
        Workspace.print(problems, err);
        return ExitCodes.INVALID;
      }
      warnings.add(TokenValues.checkAgainstDatabase(conn, key));
    }
    if (runId != null) {
      warnings.add(TokenValues.checkAgainstRun(runs.store(env).dir(), runId, key));
    }
    if (connection == null && runId == null) {
      warnings.add(
          "token key '"
              + keyName
              + "' - not checked against what made the tokens; pass -c NAME (the tokenized"
              + " database) or --run RUN_ID to refuse a wrong key");
    }
    String sourceName = values.equals("-") ? "stdin" : values;
    List<String> lines = readLines();
    int first = 1;
    if (column != null && header && !lines.isEmpty()) {
      lines = lines.subList(1, lines.size());
      first = 2;
    }
    List<String> tokens = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      tokens.add(
          column == null ? lines.get(i) : csvField(lines.get(i), column, sourceName, first + i));
    }
    List<String> originals =
        TokenValues.reidentify(
            tokens, TokenizeMask.of(keyName, tokenFormat, prefix), key, type, sourceName, first);
    if (!common.quiet) {
      warnings.stream().filter(w -> w != null).forEach(w -> err.println("warning: " + w));
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      List<java.util.Map<String, String>> rows = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        rows.add(java.util.Map.of("token", tokens.get(i), "original", originals.get(i)));
      }
      Workspace.printJson(rows, out);
    } else {
      originals.forEach(out::println);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private List<String> readLines() {
    try {
      if (values.equals("-")) {
        InputStream in = System.in;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return r.lines().toList();
      }
      return Files.readAllLines(env.workingDir().resolve(values), StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          values + " - cannot read the tokens (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Field {@code n} (from 1) of a CSV line; double quotes as RFC 4180. */
  static String csvField(String line, int n, String source, int lineNo) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    fields.add(cur.toString());
    if (n > fields.size()) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          source + ":" + lineNo + " - has " + fields.size() + " columns, --column asked for " + n);
    }
    return fields.get(n - 1);
  }
}
