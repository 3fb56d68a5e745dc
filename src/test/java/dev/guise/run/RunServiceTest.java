package dev.guise.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.exec.Cancellation;
import dev.guise.exec.RunEvent;
import dev.guise.exec.RunOptions;
import dev.guise.exec.RunStatus;
import dev.guise.yaml.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run service on H2, called the way any caller would: plain requests, no command line. */
class RunServiceTest {
  private static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: people
          key: id
          rules:
            - column: name
              masks: [{type: from_fixed, value: 'X'}]
      """;

  @TempDir Path dir;
  String url;
  Path connections;
  RulesetSource ruleset;

  @BeforeEach
  void setUp() throws Exception {
    url = "jdbc:h2:" + dir.resolve("db").toAbsolutePath().toString().replace('\\', '/');
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40))");
      s.execute("INSERT INTO people SELECT x, 'Person ' || x FROM SYSTEM_RANGE(1, 30)");
    }
    connections =
        Files.writeString(
            dir.resolve("connections.yml"),
            "version: '1.0'\nconnections:\n  db:\n    url: " + url + "\n");
    ruleset = new RulesetSource(Files.writeString(dir.resolve("r.yml"), RULESET), "r.yml", null);
  }

  private RunService service(Map<String, String> env) {
    return new RunService(
        env::get, Clock.fixed(Instant.parse("2024-06-15T10:30:00Z"), ZoneOffset.UTC), dir);
  }

  private RunRequest request(RulesetSource r, String connection) {
    return new RunRequest(
        r, connections, connection, RunOptions.defaults(), null, true, dir.resolve("runs"));
  }

  @Test
  void validateNamesAnUnknownConnectionAndPlansNothing() {
    CheckResult r = service(Map.of()).validate(new CheckRequest(ruleset, connections, "nope"));
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("unknown-connection");
    assertThat(r.diagnostics().get(0).message()).contains("defined: db");
    assertThat(r.ruleset()).isNotNull();
    assertThat(r.plan()).isNull();
  }

  @Test
  void planResolvesAgainstTheLiveSchemaOnlyWithAConnection() {
    RunService s = service(Map.of());
    CheckResult offline = s.plan(new CheckRequest(ruleset, connections, null));
    assertThat(offline.plan()).isNull();
    assertThat(offline.ruleset().tasks()).hasSize(1);
    CheckResult live = s.plan(new CheckRequest(ruleset, connections, "db"));
    assertThat(live.hasErrors()).isFalse();
    assertThat(live.plan().children()).hasSize(1);
    assertThat(live.plan().children().get(0).describe()).containsIgnoringCase("people");
  }

  @Test
  void runWithoutASecretHandsTheGeneratedOneToTheObserverAndMasks() throws Exception {
    Recorder seen = new Recorder();
    RunResult r = service(Map.of()).run(request(ruleset, "db"), new Cancellation(), seen);
    assertThat(r.invalid()).isFalse();
    assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(r.recordDir()).isEqualTo(dir.resolve("runs").resolve(r.record().id()));
    assertThat(seen.calls.get(0)).startsWith("secret ").hasSize("secret ".length() + 32);
    String secret = seen.calls.get(0).substring("secret ".length());
    assertThat(Files.readString(r.recordDir().resolve("run.json"))).doesNotContain(secret);
    // the observer hears executing before any task event and executed after the last one
    assertThat(seen.calls.get(1)).isEqualTo("executing 0");
    assertThat(seen.calls.subList(2, seen.calls.size() - 1)).allMatch(c -> c.startsWith("event "));
    assertThat(seen.calls).last().isEqualTo("executed");
    assertThat(count("SELECT COUNT(*) FROM people WHERE name = 'X'")).isEqualTo(30);
  }

  @Test
  void aSecretFromTheEnvironmentIsNotAnnounced() {
    Recorder seen = new Recorder();
    RunResult r =
        service(Map.of("GUISE_RUN_SECRET", "an-environment-secret-0123456789"))
            .run(request(ruleset, "db"), new Cancellation(), seen);
    assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(seen.calls).noneMatch(c -> c.startsWith("secret "));
  }

  @Test
  void anInvalidRulesetCreatesNoRunAndTouchesNothing() throws Exception {
    RulesetSource broken =
        new RulesetSource(
            Files.writeString(dir.resolve("bad.yml"), RULESET.replace("from_fixed", "from_fixd")),
            "bad.yml",
            null);
    Recorder seen = new Recorder();
    RunResult r = service(Map.of()).run(request(broken, "db"), new Cancellation(), seen);
    assertThat(r.invalid()).isTrue();
    assertThat(r.record()).isNull();
    assertThat(r.diagnostics()).anyMatch(Diagnostic::isError);
    assertThat(r.diagnostics().get(0).subject()).startsWith("bad.yml:");
    assertThat(seen.calls).isEmpty();
    assertThat(dir.resolve("runs")).doesNotExist();
    assertThat(count("SELECT COUNT(*) FROM people WHERE name = 'X'")).isZero();
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Writes down what it heard, in order. */
  private static final class Recorder implements RunObserver {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void secretGenerated(String secret) {
      calls.add("secret " + secret);
    }

    @Override
    public void executing(List<Diagnostic> diagnostics) {
      calls.add("executing " + diagnostics.size());
    }

    @Override
    public void executed() {
      calls.add("executed");
    }

    @Override
    public void on(RunEvent event) {
      calls.add("event " + event.getClass().getSimpleName());
    }
  }
}
