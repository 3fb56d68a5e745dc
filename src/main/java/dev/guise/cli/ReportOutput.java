package dev.guise.cli;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command's report goes: its stdout, or {@code -o FILE} (UTF-8), streamed either way so a
 * large report is never held as one string. Used by {@code discover} and {@code runs report}.
 */
final class ReportOutput {
  /** Writes the report. */
  interface Body {
    void write(PrintWriter w) throws IOException;
  }

  private ReportOutput() {}

  /**
   * @param output the -o FILE as given (relative to the working folder), or null for stdout
   * @return whether a file was written (the caller says so unless quiet)
   */
  static boolean write(CliEnvironment env, Path output, PrintWriter stdout, Body body)
      throws IOException {
    if (output == null) {
      body.write(stdout);
      stdout.flush();
      return false;
    }
    Path file = env.workingDir().resolve(output);
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      body.write(w);
      w.flush();
      if (w.checkError()) {
        throw new IOException("write failed");
      }
    } catch (IOException e) {
      throw new GuiseException(
          ErrorCode.INVALID_CONFIGURATION,
          output
              + " - cannot write the report ("
              + e.getClass().getSimpleName()
              + "); check the folder exists and is writable",
          e);
    }
    return true;
  }
}
