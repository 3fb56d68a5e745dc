package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextBytesTest {
  @Test
  void digitsAreLongToStringForEdgesAndRandomValues() {
    List<Long> values =
        new ArrayList<>(
            List.of(
                0L,
                9L,
                10L,
                99L,
                100L,
                101L,
                (long) Integer.MAX_VALUE,
                Integer.MAX_VALUE + 1L,
                999_999_999_999_999_999L,
                1_000_000_000_000_000_000L,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                Long.MIN_VALUE + 1,
                -1L,
                -10L));
    Random r = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      values.add(r.nextLong() >> r.nextInt(63));
    }
    TextBytes out = new TextBytes(1);
    StringBuilder expected = new StringBuilder();
    for (long v : values) {
      out.digits(v);
      out.put((byte) ',');
      expected.append(v).append(',');
    }
    assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII))
        .isEqualTo(expected.toString());
  }

  @Test
  void manyMegabytesComeBackInOrderFromChunksNoneOfThemHumongous() throws Exception {
    TextBytes out = new TextBytes(1 << 20);
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    Random r = new Random(5);
    byte[] big = new byte[TextBytes.CHUNK + 1000]; // a field longer than a chunk
    r.nextBytes(big);
    while (expected.size() < 5 << 20) {
      switch (r.nextInt(4)) {
        case 0 -> {
          byte b = (byte) r.nextInt(128);
          out.put(b);
          expected.write(b);
        }
        case 1 -> {
          int from = r.nextInt(big.length);
          int n =
              r.nextInt(r.nextInt(20) == 0 ? big.length - from : Math.min(300, big.length - from));
          out.append(big, from, n);
          expected.write(big, from, n);
        }
        case 2 -> {
          int n = r.nextInt(200);
          out.ensure(n);
          for (int i = 0; i < n; i++) {
            out.putUnchecked((byte) i);
            expected.write((byte) i);
          }
        }
        default -> {
          long v = r.nextLong();
          out.digits(v);
          expected.write(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
        }
      }
    }
    assertThat(out.length()).isEqualTo(expected.size());
    assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(out.stream().readAllBytes()).isEqualTo(expected.toByteArray());
    List<Integer> sizes = new ArrayList<>();
    out.writeTo((b, from, length) -> sizes.add(b.length));
    assertThat(sizes).hasSizeGreaterThan(20).allMatch(n -> n <= TextBytes.CHUNK);
  }
}
