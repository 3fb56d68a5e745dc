package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ssl} settings of a connection mapped to each driver's properties, secrets hidden. */
class ConnectionsFileSslTest {
  @TempDir Path dir;

  private ConnectionsFile.Result load(String yaml, Map<String, String> env) throws Exception {
    Path f = dir.resolve("connections.yml");
    Files.writeString(f, yaml);
    return ConnectionsFile.load(f, env::get);
  }

  @Test
  void postgresSettingsBecomeTheDriversSslProperties() throws Exception {
    var r =
        load(
            """
            version: '1.0'
            connections:
              prod:
                url: jdbc:postgresql://db/app
                ssl:
                  mode: verify-full
                  root_cert: certs/root.crt
                  client_cert: certs/client.crt
                  client_key: certs/client.pk8
                  key_password: ${env:KEY_PW}
            """,
            Map.of("KEY_PW", "s3cret-key-pass"));
    assertThat(r.diagnostics().list()).isEmpty();
    ConnectionConfig c = r.connections().get("prod");
    assertThat(c.properties())
        .containsEntry("ssl", "true")
        .containsEntry("sslmode", "verify-full")
        .containsEntry("sslrootcert", dir.resolve("certs/root.crt").toString())
        .containsEntry("sslcert", dir.resolve("certs/client.crt").toString())
        .containsEntry("sslkey", dir.resolve("certs/client.pk8").toString())
        .containsEntry("sslpassword", "s3cret-key-pass");
    assertThat(c.toString()).doesNotContain("s3cret");
  }

  @Test
  void mariadbSettingsBecomeTheDriversSslProperties() throws Exception {
    var r =
        load(
            """
            version: '1.0'
            connections:
              prod:
                url: jdbc:mariadb://db/app
                ssl:
                  mode: require
                  trust_store: truststore.jks
                  trust_store_password: ${file:ts.pw}
            """,
            Map.of());
    Files.writeString(dir.resolve("ts.pw"), "store-pass-123\n");
    r = load(Files.readString(dir.resolve("connections.yml")), Map.of()); // the file exists now
    assertThat(r.diagnostics().list()).isEmpty();
    assertThat(r.connections().get("prod").properties())
        .containsEntry("sslMode", "trust")
        .containsEntry("trustStore", dir.resolve("truststore.jks").toString())
        .containsEntry("trustStorePassword", "store-pass-123");
  }

  @Test
  void aLiteralSecretAnUnknownKeyOrModeAreErrorsThatNameTheirPlace() throws Exception {
    var r =
        load(
            """
            version: '1.0'
            connections:
              prod:
                url: jdbc:postgresql://db/app
                ssl:
                  mode: verify-everything
                  key_password: plain-text-pass
                  rootcert: x
            """,
            Map.of());
    var messages =
        r.diagnostics().list().stream().map(d -> d.subject() + " " + d.message()).toList();
    assertThat(messages)
        .anyMatch(m -> m.contains(":8:") && m.contains("unknown key 'rootcert'"))
        .anyMatch(m -> m.contains(":7:") && m.contains("ssl.key_password is a secret"))
        .anyMatch(m -> m.contains("unknown ssl mode 'verify-everything'"));
    assertThat(messages).noneMatch(m -> m.contains("plain-text-pass"));
  }

  @Test
  void postgresRefusesATrustStore() throws Exception {
    var r =
        load(
            """
            version: '1.0'
            connections:
              prod:
                url: jdbc:postgresql://db/app
                ssl: {mode: require, trust_store: ts.jks}
            """,
            Map.of());
    assertThat(r.diagnostics().list())
        .anyMatch(d -> d.message().contains("root_cert (a PEM file), not a trust store"));
  }
}
