package dev.guise.cli;

import dev.guise.secret.TokenKeys;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --keys FILE}: where token keys are read (and created). */
public final class KeysOption {
  static final String HELP =
      "Token key file (mode 0600). Default: GUISE_TOKEN_KEY_<NAME> from the environment, then"
          + " one file per key in $GUISE_HOME/keys/ (folder 0700).";

  @Option(names = "--keys", paramLabel = "FILE", description = HELP)
  Path keysFile;

  /** The {@code --keys} file resolved against the working directory, or null. */
  Path file(CliEnvironment env) {
    return keysFile == null ? null : env.workingDir().resolve(keysFile);
  }

  TokenKeys store(CliEnvironment env) {
    return new TokenKeys(env.guiseHome(), file(env), env::get);
  }
}
