package dev.guise.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.db.ConnectionConfig;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Dialects;
import dev.guise.mask.MaskRegistry;
import dev.guise.plan.Planner;
import dev.guise.plan.RulesetLoader;
import dev.guise.secret.RunKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Emails built from the masked seed names of the same row ({@code from_column} with {@code masked:
 * true}, folded by {@code ascii_identifier}) are valid, unique and match the masked names.
 */
class EmailFromMaskedNamesTest {
  private static final int ROWS = 10_000;
  private static final Pattern EMAIL =
      Pattern.compile("^[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+$");
  private static final String RULESET =
      """
      version: '1.0'
      tasks:
        - type: mask_table
          table: people
          key: id
          rules:
            - column: first_name
              masks: [{type: from_file, seed_file: first_names, seed_column: first_name}]
            - column: last_name
              masks: [{type: from_file, seed_file: last_names, seed_column: last_name}]
            - column: email
              masks:
                - type: concat
                  masks:
                    - type: chain
                      masks:
                        - {type: from_column, source_column: first_name, masked: true}
                        - {type: ascii_identifier, separator: '-'}
                    - {type: from_fixed, value: '.'}
                    - type: chain
                      masks:
                        - {type: from_column, source_column: last_name, masked: true}
                        - {type: ascii_identifier, separator: '-'}
                    - {type: from_random_number, min: 1000, max: 9999}
                    - {type: from_fixed, value: '@'}
                    - {type: from_file, seed_file: email_domains, seed_column: domain}
      """;

  @Test
  void tenThousandEmailsFromMaskedNamesAreValidUniqueAndMatchTheNames() throws Exception {
    String url = "jdbc:h2:mem:emails" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (ConnectionPool pool =
        ConnectionPool.open(
            new ConnectionConfig(
                "t", Dialects.forUrl(url).orElseThrow(), url, null, null, null, Map.of(), 0, 0),
            2)) {
      try (Connection c = pool.connection();
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE people (id INT PRIMARY KEY, first_name VARCHAR(100),"
                + " last_name VARCHAR(100), email VARCHAR(300))");
        s.execute(
            "INSERT INTO people SELECT x, 'Jia Woei', 'MARKOWITZ', 'orig@x.org'"
                + " FROM SYSTEM_RANGE(1, "
                + ROWS
                + ")");
        c.commit();
      }
      var parsed =
          new RulesetLoader(MaskRegistry.standard(), TaskKinds.BUILT_IN.readers())
              .load(RULESET, "emails.yml");
      assertThat(parsed.diagnostics()).isEmpty();
      var plan =
          Planner.plan(
              parsed.ruleset(),
              parsed.pipelines(),
              new LiveSchema(pool),
              TaskKinds.BUILT_IN.planners());
      RunStatus status =
          new MaskingRun(
                  pool,
                  plan.root(),
                  RunKey.derive(null, "secret-of-twenty-chars!!"),
                  RunOptions.defaults().withBatchSize(1000),
                  e -> {},
                  new Cancellation(),
                  Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC),
                  TaskKinds.BUILT_IN.runners())
              .execute(false);
      assertThat(status).isEqualTo(RunStatus.FINISHED);

      int invalid = 0;
      int mismatched = 0;
      int rows = 0;
      Set<String> seen = new HashSet<>();
      int duplicates = 0;
      try (Connection c = pool.connection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT first_name, last_name, email FROM people")) {
        while (rs.next()) {
          rows++;
          String email = rs.getString(3);
          if (!EMAIL.matcher(email).matches()) {
            invalid++;
          }
          if (!seen.add(email)) {
            duplicates++;
          }
          String local = email.substring(0, email.indexOf('@'));
          if (!local.startsWith(folded(rs.getString(1)) + "." + folded(rs.getString(2)))) {
            mismatched++;
          }
        }
      }
      System.out.printf(
          "EmailFromMaskedNamesTest: %d rows, %d invalid, %d duplicates, %d not matching the"
              + " masked names%n",
          rows, invalid, duplicates, mismatched);
      assertThat(rows).isEqualTo(ROWS);
      assertThat(invalid).isZero();
      assertThat(duplicates).isZero();
      assertThat(mismatched).isZero();
    }
  }

  /** The test's own folding (the seeds' names hold only decomposable accents). */
  private static String folded(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
  }
}
