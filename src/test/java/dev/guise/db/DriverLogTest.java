package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Library log lines reach listeners redacted and without stack traces, and never stderr. */
class DriverLogTest {
  @Test
  void poolAndDriverWarningsGoToListenersRedactedNotToStderr() throws Exception {
    List<DriverLog.Line> lines = new CopyOnWriteArrayList<>();
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    DriverLog.captureJavaUtilLogging();
    try (DriverLog.Subscription ignored = DriverLog.listen(lines::add)) {
      LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool")
          .warn(
              "guise-db - Connection {} marked as broken",
              "jdbc:postgresql://db/app?password=hunter2",
              new SQLException("Duplicate entry 'orig.person3090@example.org' for key 'email'"));
      LoggerFactory.getLogger("org.mariadb.jdbc.Driver").info("noise at INFO");
      java.util.logging.Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl")
          .warning("invalid input syntax for type integer: \"OSSN-000002\"");
    } finally {
      System.setErr(stderr);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(lines).hasSize(2);
    DriverLog.Line hikari = lines.get(0);
    assertThat(hikari.level()).isEqualTo("WARN");
    assertThat(hikari.logger()).isEqualTo("com.zaxxer.hikari.pool.HikariPool");
    assertThat(hikari.message())
        .contains("marked as broken", "SQLException", "for key 'email'")
        .doesNotContain("hunter2", "orig.person3090", "\tat ");
    assertThat(lines.get(1).message()).contains("invalid input syntax").doesNotContain("OSSN");
  }
}
