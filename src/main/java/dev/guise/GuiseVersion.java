package dev.guise;

/** The version of this Guise: the jar manifest's, or {@code dev} when run from classes. */
public final class GuiseVersion {
  private GuiseVersion() {}

  public static String current() {
    String v = GuiseVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
