package dev.guise.runlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.exec.RunEvent;
import dev.guise.exec.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  @Test
  void twoProcessesAppendingAtOnceNeverInterleaveLines() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    int each = 400;
    List<Process> ps = new ArrayList<>();
    for (String tag : new String[] {"a", "b"}) {
      ps.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  AuditAppender.class.getName(),
                  file.toString(),
                  tag,
                  String.valueOf(each))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve(tag + ".out").toFile())
              .start());
    }
    for (Process p : ps) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("a.out"))).isZero();
    }
    AuditLog.Read read = new AuditLog(file, Clock.systemUTC(), w -> {}).read(null);
    assertThat(read.unreadableLines()).isZero();
    Set<String> seen = new HashSet<>();
    for (AuditEntry e : read.entries()) {
      seen.add(e.ruleset().substring(0, e.ruleset().indexOf('-', 2)));
    }
    assertThat(read.entries()).hasSize(2 * each);
    assertThat(seen).hasSize(2 * each);
  }

  @Test
  void aRunEndsOnceFromItsLastEventAndACancelIsRecordedAsSuch() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    AuditLog log = new AuditLog(dir.resolve("audit.jsonl"), clock, w -> {});
    RunAudit trail = new RunAudit(log, new AuditSubject("run", "c", "r.yml", "ab", "id-1"));
    trail.started(false);
    trail.on(new RunEvent.Cancelling());
    trail.on(new RunEvent.RunFinished(clock.instant(), RunStatus.CANCELLED));
    trail.ended(RunStatus.FAILED, "would be a second ending");
    List<AuditEntry> entries = log.read(null).entries();
    assertThat(entries)
        .extracting(e -> e.event() + ":" + e.outcome())
        .containsExactly("run_started:started", "run_cancelled:cancelled");
    assertThat(entries.get(1).time()).isEqualTo(clock.instant());
    assertThat(entries.get(1).runId()).isEqualTo("id-1");
    assertThat(log.read(Instant.parse("2026-03-01T10:00:01Z")).entries()).isEmpty();
  }

  @Test
  void anAppendThatCannotHappenWarnsInsteadOfThrowing() throws Exception {
    Path blocker = dir.resolve("file-not-folder");
    Files.writeString(blocker, "");
    List<String> warnings = new ArrayList<>();
    new AuditLog(blocker.resolve("audit.jsonl"), Clock.systemUTC(), warnings::add)
        .append(
            AuditEvent.VALIDATE,
            "valid",
            new AuditSubject("validate", null, null, null, null),
            null);
    assertThat(warnings).singleElement().asString().contains("cannot append to the audit log");
  }
}
