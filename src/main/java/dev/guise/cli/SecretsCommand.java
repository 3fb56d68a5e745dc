package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.run.SecretsTransfer;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guise secrets export|import}: the same masking on another installation. */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    description = {
      "Moves this installation's secrets to another one, so that both mask the same data the same way.",
      "",
      "The instance secret ($GUISE_HOME/instance-secret) takes part in every masked value: a second host (a CI runner, a failover cron host) masks differently until it has the same one. 'export' writes it, and the token keys of 'guise keys' (all, or --key NAME), into one file encrypted under a passphrase (Argon2id, AES-256-GCM); 'import' reads it on the other host, which can then re-identify tokens made here. See docs/secrets.md."
    },
    subcommands = {SecretsCommand.Export.class, SecretsCommand.Import.class},
    footer = {
      "%nExamples:",
      "  guise secrets export --out guise-secrets.enc                # asks for the passphrase twice",
      "  guise secrets import guise-secrets.enc --passphrase-file pass.txt",
      ExitCodes.HELP
    })
final class SecretsCommand implements Runnable {
  /** Shorter passphrases are refused on export: the file may travel through mail or git. */
  static final int MIN_PASSPHRASE = 12;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs an export or import with the passphrase, prints what it did, then wipes the passphrase.
   */
  static int transfer(
      CliEnvironment env,
      CommandLine.Model.CommandSpec spec,
      char[] pass,
      KeysOption keys,
      BiFunction<SecretsTransfer, char[], List<String>> action) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      action
          .apply(
              new SecretsTransfer(
                  env.guiseHome(), new Workspace(env).audit(err), keys.store(env), env.clock()),
              pass)
          .forEach(spec.commandLine().getOut()::println);
      return ExitCodes.OK;
    } finally {
      Arrays.fill(pass, '\0');
    }
  }

  /** The passphrase options shared by both subcommands. */
  static final class PassphraseOption {
    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description =
            "Read the passphrase from FILE (its first line). Without it the terminal asks; a"
                + " passphrase is never an argument or an environment variable.")
    Path file;

    /** The passphrase from the file, or asked on the terminal ({@code twice} on export). */
    char[] read(CliEnvironment env, boolean twice) {
      if (file != null) {
        Path p = env.workingDir().resolve(file);
        String text;
        try {
          text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new GuiseException(
              ErrorCode.USAGE,
              file + " - cannot read the passphrase file (" + e.getClass().getSimpleName() + ")");
        }
        int nl = text.indexOf('\n');
        String line = (nl < 0 ? text : text.substring(0, nl)).replaceAll("\r$", "");
        return check(line.toCharArray(), file.toString(), twice);
      }
      Console console = System.console();
      if (console == null) {
        throw new GuiseException(
            ErrorCode.USAGE,
            "--passphrase-file - there is no terminal to ask for the passphrase; give"
                + " --passphrase-file FILE");
      }
      char[] first = console.readPassword("Passphrase: ");
      if (first == null) {
        throw new GuiseException(ErrorCode.USAGE, "passphrase - none was given");
      }
      if (twice) {
        char[] again = console.readPassword("The same passphrase again: ");
        boolean same = Arrays.equals(first, again);
        if (again != null) {
          Arrays.fill(again, '\0');
        }
        if (!same) {
          Arrays.fill(first, '\0');
          throw new GuiseException(
              ErrorCode.USAGE, "passphrase - the two did not match; nothing was exported");
        }
      }
      return check(first, "passphrase", twice);
    }

    private static char[] check(char[] pass, String subject, boolean export) {
      if (pass.length == 0 || (export && pass.length < MIN_PASSPHRASE)) {
        throw new GuiseException(
            ErrorCode.USAGE,
            subject
                + " - the passphrase must have at least "
                + (export ? MIN_PASSPHRASE : 1)
                + " characters");
      }
      return pass;
    }
  }

  /** {@code guise secrets export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Writes this installation's instance secret and its token keys (every key of the key store, or only those given with --key) into FILE, encrypted under a passphrase (at least 12 characters; Argon2id with 64 MiB, then AES-256-GCM with the header authenticated). The file is created with mode 0600 and never overwrites an existing one. Each export is a line of the audit log.",
        "",
        "Creates the instance secret first when this installation has none yet."
      },
      footer = {
        "%nExamples:",
        "  guise secrets export --out guise-secrets.enc",
        "  guise secrets export --out customers.enc --key customers --passphrase-file pass.txt",
        "  guise secrets export --out /secure/guise-secrets.enc --passphrase-file pass.txt",
        ExitCodes.HELP
      })
  static final class Export implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin VerbosityOptions verbosity;
    @Mixin PassphraseOption passphrase;
    @Mixin KeysOption keys;

    @Option(
        names = "--key",
        paramLabel = "NAME",
        description =
            "Export only this token key (repeat for more; a GUISE_TOKEN_KEY_<NAME> variable may be"
                + " named). Default: every key of the key store.")
    List<String> keyNames = new java.util.ArrayList<>();

    @Option(
        names = "--out",
        paramLabel = "FILE",
        required = true,
        description = "The file to write (it must not exist).")
    Path out;

    Export(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return transfer(
          env,
          spec,
          passphrase.read(env, true),
          keys,
          (t, pass) -> t.export(env.workingDir().resolve(out), out.toString(), pass, keyNames));
    }
  }

  /** {@code guise secrets import}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Reads a file 'guise secrets export' wrote, makes its instance secret this installation's and writes its token keys into the key store ($GUISE_HOME/keys/, or --keys FILE; mode 0600). A wrong passphrase or a changed file is refused (exit 3) and changes nothing.",
        "",
        "An instance secret other than this installation's is replaced only with --replace, or when no finished run (in --runs-dir) used it; otherwise the import is refused (exit 3) naming that run. A token key whose name the store already holds with other bytes is replaced only with --replace (the old key file is kept as NAME.key.replaced-<seconds>); otherwise refused (exit 3) naming the key. The same key is left as it is. Nothing is written unless every entry can be. Each import, refused ones too, is a line of the audit log."
      },
      footer = {
        "%nExamples:",
        "  guise secrets import guise-secrets.enc",
        "  guise secrets import guise-secrets.enc --passphrase-file pass.txt --replace",
        ExitCodes.HELP
      })
  static final class Import implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin VerbosityOptions verbosity;
    @Mixin PassphraseOption passphrase;
    @Mixin RunsDirOption runs;
    @Mixin KeysOption keys;

    @Parameters(paramLabel = "FILE", description = "A file written by guise secrets export.")
    Path file;

    @Option(
        names = "--replace",
        description =
            "Replace a different instance secret even when finished runs used it (masking the"
                + " same tables again here then gives other values than they have), and token"
                + " keys of the same name with other bytes (tokens made here with the old key"
                + " then re-identify only with its kept .replaced- file).")
    boolean replace;

    Import(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return transfer(
          env,
          spec,
          passphrase.read(env, false),
          keys,
          (t, pass) ->
              t.importFrom(
                  env.workingDir().resolve(file), file.toString(), pass, replace, runs.store(env)));
    }
  }
}
