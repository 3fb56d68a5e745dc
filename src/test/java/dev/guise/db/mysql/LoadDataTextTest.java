package dev.guise.db.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text LOAD DATA reads (moved from MySqlTempTableWriteBackTest with the class). */
class LoadDataTextTest {
  private static String tabText(Object... fields) {
    LoadDataText t = new LoadDataText(1);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        t.tab();
      }
      t.field(fields[i]);
    }
    t.newline();
    return new String(t.bytes(), 0, t.length(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void escapesAndEncodesUtf8() {
    assertThat(tabText(null, "", "a\\b\tc\nd\re\0f", 42L, new java.math.BigDecimal("1E+3")))
        .isEqualTo("\\N\t\ta\\\\b\\tc\\nd\\re\\0f\t42\t1000\n");
    String unicode = "é東京😀" + "x".repeat(100);
    assertThat(tabText(unicode)).isEqualTo(unicode + "\n");
    assertThat(tabText("a\ud800b")).isEqualTo("a?b\n"); // unpaired surrogate, as getBytes does
  }
}
