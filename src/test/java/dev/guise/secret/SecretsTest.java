package dev.guise.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  @TempDir Path dir;

  @Test
  void runSecretNeedsTwentyCharactersAndNeverPrintsItself() {
    assertThatThrownBy(() -> RunSecret.of("short", "GUISE_RUN_SECRET"))
        .isInstanceOf(GuiseException.class)
        .hasMessage(
            "GUISE_RUN_SECRET - the run secret is 5 characters long, at least 20 are required; use a longer secret");
    RunSecret s = RunSecret.of("exactly-twenty-chars", "x");
    assertThat(s.toString()).doesNotContain("exactly").startsWith("RunSecret[sha256:");
    assertThat(s.fingerprint()).isEqualTo(RunSecret.of("exactly-twenty-chars", "y").fingerprint());
    assertThat(RunSecret.generate().reveal())
        .hasSize(32)
        .isNotEqualTo(RunSecret.generate().reveal());
  }

  @Test
  void instanceSecretIsCreatedOnceWithOwnerOnlyPermissions() throws Exception {
    byte[] first = InstanceSecret.loadOrCreate(dir);
    byte[] again = InstanceSecret.loadOrCreate(dir);
    assertThat(first).hasSize(32).isEqualTo(again);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("instance-secret"))))
        .isEqualTo("rw-------");
  }

  @Test
  void runKeyDependsOnBothSecrets() {
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    b[0] = 1;
    byte[] m = "m".getBytes();
    long withA = RunKey.derive(a, "run-secret-of-twenty-chars").rng(m, m).nextLong();
    long withB = RunKey.derive(b, "run-secret-of-twenty-chars").rng(m, m).nextLong();
    long none = RunKey.derive(null, "run-secret-of-twenty-chars").rng(m, m).nextLong();
    long other = RunKey.derive(a, "another-secret-of-twenty").rng(m, m).nextLong();
    assertThat(java.util.Set.of(withA, withB, none, other)).hasSize(4);
    assertThat(RunKey.derive(a, "run-secret-of-twenty-chars").toString())
        .doesNotContain("run-secret");
  }
}
