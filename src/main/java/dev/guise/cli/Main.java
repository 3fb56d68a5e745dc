package dev.guise.cli;

/** Process entry point: the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int code = GuiseCommand.commandLine(CliEnvironment.system()).execute(args);
    System.exit(code);
  }
}
