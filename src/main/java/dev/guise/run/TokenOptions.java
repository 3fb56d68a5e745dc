package dev.guise.run;

import java.nio.file.Path;

/**
 * How a run finds its token keys and which way it goes.
 *
 * @param keysFile the {@code --keys} file; null for the environment, then {@code $GUISE_HOME/keys/}
 * @param reidentify run the inverse of every {@code tokenize} rule and skip the other rules ({@code
 *     guise reidentify})
 */
public record TokenOptions(Path keysFile, boolean reidentify) {
  /** A masking run with keys from the environment and {@code $GUISE_HOME/keys/}. */
  public static final TokenOptions DEFAULT = new TokenOptions(null, false);
}
