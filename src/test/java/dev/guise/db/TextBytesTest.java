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
    assertThat(new String(out.bytes(), 0, out.length(), StandardCharsets.US_ASCII))
        .isEqualTo(expected.toString());
  }
}
