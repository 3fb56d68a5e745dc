package dev.guise.cli;

/** Process entry point: the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // answered before the command tree is built (its annotations are most of the start-up),
      // with the same lines picocli prints
      for (String line : new VersionProvider().getVersion()) {
        System.out.println(line);
      }
      System.exit(ExitCodes.OK);
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int code = GuiseCommand.commandLine(CliEnvironment.system()).execute(args);
    System.exit(code);
  }
}
