package dev.guise.runlog;

import java.nio.file.Path;
import java.time.Clock;

/** A second process for {@link AuditLogTest}: appends N long lines to an audit file. */
public final class AuditAppender {
  private AuditAppender() {}

  public static void main(String[] args) {
    AuditLog log = new AuditLog(Path.of(args[0]), Clock.systemUTC(), System.err::println);
    int n = Integer.parseInt(args[2]);
    // long lines make a torn or interleaved write likely if appends were not one write each
    String padding = "x".repeat(3000);
    for (int i = 0; i < n; i++) {
      log.append(
          AuditEvent.VALIDATE,
          "valid",
          new AuditSubject("validate", null, args[1] + "-" + i + "-" + padding, null, null),
          null);
    }
  }
}
