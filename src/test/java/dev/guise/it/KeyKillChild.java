package dev.guise.it;

import dev.guise.exec.Cancellation;

/**
 * A child process for {@link KeyKillIT}: runs the key family's ruleset on the given database with
 * {@code guise.test.haltAt} set, so that it dies at that point as under kill -9.
 */
final class KeyKillChild {
  private KeyKillChild() {}

  /** Arguments: JDBC URL, schema, Guise schema, run id. */
  public static void main(String[] args) throws Exception {
    var status =
        KeyFamilyFixture.run(
            args[0],
            args[1],
            args[2],
            KeyKillIT.RULESET,
            args[3],
            null,
            new Cancellation(),
            e -> {});
    System.out.println("ended " + status);
  }
}
