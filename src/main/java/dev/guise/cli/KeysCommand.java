package dev.guise.cli;

import dev.guise.secret.TokenKey;
import dev.guise.secret.TokenKeys;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code guise keys create|list}: the named token keys of {@code tokenize}. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Creates and lists the token keys that the tokenize mask and 'guise reidentify' use.",
      "",
      "A token key is 32 random bytes in a file only its owner may read ($GUISE_HOME/keys/NAME.key, or --keys FILE). Whoever holds it can turn tokens back into originals: back it up, and copy it only to hosts that may re-identify. Keys are never printed; lists show names and fingerprints."
    },
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class},
    footer = {
      "%nExamples:",
      "  guise keys create customers",
      "  guise keys list",
      "  guise keys create vendor --keys ./vendor.keys",
      ExitCodes.HELP
    })
final class KeysCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code guise keys create NAME}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates a new random token key NAME (refused if the name exists: a key is never replaced, or its tokens could no longer be re-identified)."
      },
      footer = {"%nExample:", "  guise keys create customers", ExitCodes.HELP})
  static final class Create implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin KeysOption keys;

    @Parameters(index = "0", paramLabel = "NAME", description = "Key name, e.g. customers.")
    String name;

    Create(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      TokenKeys store = keys.store(env);
      TokenKey k = store.create(name, env.clock().instant());
      PrintWriter out = spec.commandLine().getOut();
      String where =
          keys.file(env) != null
              ? keys.file(env).toString()
              : env.guiseHome().resolve("keys").resolve(name + ".key").toString();
      if (common.json()) {
        Workspace.printJson(entry(k, where), out);
      } else if (!common.quiet) {
        out.println(
            "created token key '"
                + k.name()
                + "' (fingerprint "
                + k.fingerprint()
                + ") in "
                + where);
        out.println(
            "Back it up: without it, tokens made with it can never be turned back into originals.");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code guise keys list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {"Lists token keys: names, fingerprints and where each comes from."},
      footer = {"%nExamples:", "  guise keys list", "  guise keys list --format json"})
  static final class ListKeys implements Callable<Integer> {
    private final CliEnvironment env;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin KeysOption keys;

    ListKeys(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      List<TokenKeys.Listed> listed = keys.store(env).list(env.env().keySet());
      PrintWriter out = spec.commandLine().getOut();
      if (common.json()) {
        Workspace.printJson(listed.stream().map(l -> entry(l.key(), l.source())).toList(), out);
        return ExitCodes.OK;
      }
      if (listed.isEmpty()) {
        out.println("no token keys; create one with 'guise keys create NAME'");
      }
      int w = listed.stream().mapToInt(l -> l.key().name().length()).max().orElse(4);
      for (TokenKeys.Listed l : listed) {
        out.printf("  %-" + w + "s  %s  %s%n", l.key().name(), l.key().fingerprint(), l.source());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static Map<String, Object> entry(TokenKey k, String source) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", k.name());
    m.put("fingerprint", k.fingerprint());
    m.put("source", source);
    return m;
  }
}
