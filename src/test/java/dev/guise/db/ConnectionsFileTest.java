package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.yaml.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsFileTest {
  @TempDir Path dir;

  private ConnectionsFile.Result load(String yaml, Map<String, String> env) throws Exception {
    Path f = dir.resolve("connections.yml");
    Files.writeString(f, yaml);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    return ConnectionsFile.load(f, env::get);
  }

  @Test
  void passwordsFromEnvAndFileAndWarningForLiterals() throws Exception {
    Files.writeString(dir.resolve("pw.txt"), "from-file\n");
    ConnectionsFile.Result r =
        load(
            """
            version: '1.0'
            connections:
              a:
                url: jdbc:h2:mem:a
                password: ${env:PW}
              b:
                url: jdbc:h2:mem:b
                password: ${file:pw.txt}
              c:
                url: jdbc:h2:mem:c
                password: literal
              d:
                db_type: h2
                database: mem:d
            """,
            Map.of("PW", "from-env"));
    assertThat(r.connections().get("a").password()).isEqualTo("from-env");
    assertThat(r.connections().get("b").password()).isEqualTo("from-file");
    assertThat(r.connections().get("d").jdbcUrl()).isEqualTo("jdbc:h2:mem:d");
    assertThat(r.diagnostics().list())
        .extracting(Diagnostic::code)
        .containsExactly("literal-password");
    assertThat(r.connections().get("a").toString()).doesNotContain("from-env");
  }

  @Test
  void problemsArePositioned() throws Exception {
    ConnectionsFile.Result r =
        load(
            """
            version: '1.0'
            connections:
              a:
                url: jdbc:h2:mem:a
                pasword: x
              b:
                db_type: oracle9
                database: x
              c:
                password: ${env:MISSING}
                url: jdbc:h2:mem:c
            """,
            Map.of());
    assertThat(r.diagnostics().list())
        .extracting(Diagnostic::toString)
        .anyMatch(
            s ->
                s.contains(
                    "connections.yml:5:5 - unknown key 'pasword' in connection 'a'; did you mean 'password'?"))
        .anyMatch(
            s -> s.contains("connections.yml:7:5 - connection 'b': unknown db_type 'oracle9'"))
        .anyMatch(
            s ->
                s.contains(
                    "connections.yml:10:5 - connection 'c': environment variable MISSING is not set"));
  }

  @Test
  void databaseErrorsLoseTheLinesThatQuoteRowData() {
    java.sql.SQLException pg =
        new java.sql.SQLException(
            "ERROR: new row for relation \"t\" violates check constraint \"t_code_check\"\n"
                + "  Detail: Failing row contains (46, BAD, ann@real.example).\n  Where: SQL statement");
    assertThat(Redact.sqlError(pg))
        .isEqualTo("ERROR: new row for relation \"t\" violates check constraint \"t_code_check\"");
    java.sql.SQLException unique =
        new java.sql.SQLException(
            "ERROR: duplicate key value violates unique constraint \"u\"\n  Detail: Key (email)=(ann@real.example) already exists.");
    assertThat(Redact.sqlError(unique)).doesNotContain("ann@real");
  }

  @Test
  void urlsAreRedacted() {
    assertThat(Redact.url("jdbc:postgresql://h/db?user=u&password=p4ss&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    assertThat(Redact.url("jdbc:mysql://user:p4ss@host/db"))
        .isEqualTo("jdbc:mysql://user:***@host/db");
    assertThat(Redact.url("jdbc:h2:mem:x;PASSWORD=abc;USER=sa"))
        .isEqualTo("jdbc:h2:mem:x;PASSWORD=***;USER=sa");
  }
}
