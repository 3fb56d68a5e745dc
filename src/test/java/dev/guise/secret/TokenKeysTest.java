package dev.guise.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {
  @TempDir Path home;

  private TokenKeys store(Map<String, String> env) {
    return new TokenKeys(home, null, env::get);
  }

  @Test
  void createdKeysAreOwnerOnlyAndReadBackWithTheirCheckValue() throws Exception {
    TokenKey k = store(Map.of()).create("customers", Instant.EPOCH);
    Path f = home.resolve("keys/customers.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent())))
        .isEqualTo("rwx------");
    TokenKey back = store(Map.of()).get("customers");
    assertThat(back.sameKey(k)).isTrue();
    assertThat(back.checkValue()).isEqualTo(k.checkValue()).hasSize(64);
    assertThat(Files.readString(f)).contains("customers.check=" + k.checkValue());
    assertThat(k.toString()).doesNotContain(Base64.getEncoder().encodeToString(k.bytes()));
  }

  @Test
  void aKeyIsNeverReplaced() {
    store(Map.of()).create("a", Instant.EPOCH);
    assertThatThrownBy(() -> store(Map.of()).create("a", Instant.EPOCH))
        .hasMessageContaining("exists already");
  }

  @Test
  void filesOrFoldersOthersMayReadAreRefused() throws Exception {
    store(Map.of()).create("a", Instant.EPOCH);
    Path f = home.resolve("keys/a.key");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> store(Map.of()).get("a"))
        .isInstanceOf(GuiseException.class)
        .hasMessageContaining("other users may read it")
        .hasMessageContaining("chmod 600");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(f.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThatThrownBy(() -> store(Map.of()).get("a")).hasMessageContaining("chmod 700");
  }

  @Test
  void anAlteredKeyIsRefusedByItsCheckValue() throws Exception {
    store(Map.of()).create("a", Instant.EPOCH);
    Path f = home.resolve("keys/a.key");
    String other = Base64.getEncoder().encodeToString(new byte[32]);
    Files.writeString(f, Files.readString(f).replaceAll("a\\.key=.*", "a.key=" + other));
    assertThatThrownBy(() -> store(Map.of()).get("a"))
        .hasMessageContaining("does not match its check value");
  }

  @Test
  void aMissingKeySaysWhereItLookedAndHowToCreateIt() {
    assertThatThrownBy(() -> store(Map.of()).get("nope"))
        .isInstanceOfSatisfying(
            GuiseException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
        .hasMessageContaining("GUISE_TOKEN_KEY_NOPE")
        .hasMessageContaining("guise keys create nope");
  }

  @Test
  void keysComeFromTheEnvironmentAndAKeysFile() {
    byte[] raw = new byte[32];
    raw[0] = 7;
    String b64 = Base64.getEncoder().encodeToString(raw);
    TokenKey env = store(Map.of("GUISE_TOKEN_KEY_MY_KEY", b64)).get("my-key");
    assertThat(env.sameKey(TokenKey.of("my-key", raw))).isTrue();
    assertThat(store(Map.of("GUISE_TOKEN_KEY_MY_KEY", b64)).list(List.of("GUISE_TOKEN_KEY_MY_KEY")))
        .extracting(l -> l.key().name())
        .containsExactly("my_key"); // '-' and '_' share one variable name
    assertThatThrownBy(() -> store(Map.of("GUISE_TOKEN_KEY_X", "short")).get("x"))
        .hasMessageContaining("not a token key")
        .hasMessageNotContaining("short");

    Path file = home.resolve("two.keys");
    TokenKeys inFile = new TokenKeys(home, file, n -> null);
    TokenKey a = inFile.create("a", Instant.EPOCH);
    TokenKey b = inFile.create("b", Instant.EPOCH);
    assertThat(inFile.list(List.of())).extracting(l -> l.key().name()).containsExactly("a", "b");
    assertThat(inFile.get("b").sameKey(b)).isTrue();
    assertThat(a.checkValue()).isNotEqualTo(b.checkValue());
  }
}
