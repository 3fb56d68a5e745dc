package dev.guise.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.GuiseException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImitateUuidMaskTest {
  private final MaskFixture mask = MaskFixture.of(ImitateUuidMask.DEFINITION);

  private Object m(Object v) {
    return mask.apply(v, 1L);
  }

  /** Deterministic version-4-looking UUIDs (no UUID.randomUUID in this codebase). */
  private static UUID sample(long i) throws Exception {
    byte[] h =
        MessageDigest.getInstance("SHA-256").digest(ByteBuffer.allocate(8).putLong(i).array());
    ByteBuffer b = ByteBuffer.wrap(h);
    long msb = (b.getLong() & ~0xF000L) | 0x4000L;
    long lsb = (b.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  @Test
  void keepsVersionVariantAndLayoutWithoutCollisions() throws Exception {
    Set<String> seen = new HashSet<>();
    for (long i = 0; i < 20_000; i++) {
      UUID in = sample(i);
      String out = (String) m(in.toString());
      UUID o = UUID.fromString(out);
      assertThat(o.version()).isEqualTo(4);
      assertThat(o.variant()).isEqualTo(2);
      assertThat(o).isNotEqualTo(in);
      assertThat(out)
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(seen.add(out)).isTrue();
    }
  }

  @Test
  void textFormsAgreeAndKeepTheirLayout() throws Exception {
    UUID in = sample(42);
    String lower = (String) m(in.toString());
    assertThat(m(in.toString().toUpperCase())).isEqualTo(lower.toUpperCase());
    assertThat(m("{" + in + "}")).isEqualTo("{" + lower + "}");
    assertThat(m(in.toString().replace("-", ""))).isEqualTo(lower.replace("-", ""));
    assertThat(m(in)).isEqualTo(UUID.fromString(lower));
    assertThat(m(null)).isNull();
    assertThat(m("")).isEqualTo("");
  }

  @Test
  void otherVariantsAndVersionsAreKept() {
    // a version-1 UUID, the nil UUID and a Microsoft-variant GUID (variant bits 110)
    for (String s :
        new String[] {
          "c232ab00-9414-11ec-b3c8-9f6bdeced846",
          "00000000-0000-0000-0000-000000000000",
          "3f2504e0-4f89-11d3-ca0c-0305e82c3301"
        }) {
      UUID in = UUID.fromString(s);
      UUID out = UUID.fromString((String) m(s));
      assertThat(out).isNotEqualTo(in);
      assertThat(out.version()).isEqualTo(in.version());
      assertThat(out.variant()).isEqualTo(in.variant());
    }
  }

  @Test
  void deterministicKeyedAndSeeded() throws Exception {
    UUID in = sample(7);
    Object out = m(in);
    assertThat(mask.apply(in, "another row")).isEqualTo(out);
    assertThat(mask.withSecret(MaskFixture.OTHER_SECRET).apply(in, 1L)).isNotEqualTo(out);
    assertThat(MaskFixture.of(ImitateUuidMask.DEFINITION, "seed", "x").apply(in, 1L))
        .isNotEqualTo(out);
    assertThat(m(UUID.fromString("00000000-0000-4000-8000-000000000000")))
        .isEqualTo(UUID.fromString("0f9b8d47-e3ce-4c77-8c10-5104c55b6dcc"));
  }

  @Test
  void refusesWhatIsNoUuidWithoutPrintingIt() {
    for (String bad :
        new String[] {
          "not-a-uuid",
          "c232ab00-9414-11ec-b3c8-9f6bdeced84",
          "c232ab0-09414-11ec-b3c8-9f6bdeced846",
          "zz32ab00-9414-11ec-b3c8-9f6bdeced846"
        }) {
      assertThatThrownBy(() -> m(bad))
          .isInstanceOf(GuiseException.class)
          .hasMessageContaining("imitate_uuid")
          .hasMessageNotContaining(bad);
    }
    assertThatThrownBy(() -> m(12L)).isInstanceOf(GuiseException.class);
  }
}
