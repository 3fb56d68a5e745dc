package dev.guise.exec;

/**
 * Named points of the key path where a test stops the process dead, as a kill -9 would (no shutdown
 * hooks, no finally blocks): set {@code GUISE_TEST_HALT_AT} (environment) or {@code
 * guise.test.haltAt} (system property) to a point's name. Unset in real runs, where this does
 * nothing.
 */
public final class HaltPoints {
  /** After the change manifest lists the constraints, before the first is dropped. */
  static final String AFTER_MANIFEST = "key-after-manifest";

  /** After the first table of a family is rewritten (and, on MariaDB and H2, committed). */
  static final String AFTER_FIRST_REWRITE = "key-after-first-rewrite";

  /** After the last table is rewritten, before the constraints are re-created. */
  static final String BEFORE_RECREATE = "key-before-recreate";

  /** In a resumed run, before it finishes the key families a run of its chain left. */
  public static final String BEFORE_FINISHING = "key-before-finishing";

  private static final String AT =
      System.getProperty("guise.test.haltAt", System.getenv("GUISE_TEST_HALT_AT"));

  private HaltPoints() {}

  public static void reach(String point) {
    if (point.equals(AT)) {
      Runtime.getRuntime().halt(137);
    }
  }
}
