package dev.guise.db.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text LOAD DATA reads, and the statement that reads it. */
class LoadDataLocalTest {
  private static String tabText(Object... fields) {
    List<ColumnInfo> columns = new ArrayList<>();
    for (Object f : fields) {
      columns.add(column("c" + columns.size(), category(f)));
    }
    LoadDataLocal load = new LoadDataLocal(new MariaDbDialect(), "`t`", "db.t", columns);
    List<Object[]> rows = new ArrayList<>();
    rows.add(fields);
    LoadDataLocal.Text t = load.encode(rows);
    return new String(t.bytes().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static ColumnCategory category(Object v) {
    if (v instanceof Long) {
      return ColumnCategory.INTEGER;
    } else if (v instanceof java.math.BigDecimal) {
      return ColumnCategory.DECIMAL;
    } else if (v instanceof Double) {
      return ColumnCategory.FLOAT;
    } else if (v instanceof Boolean) {
      return ColumnCategory.BOOLEAN;
    } else if (v instanceof LocalDate) {
      return ColumnCategory.DATE;
    } else if (v instanceof LocalDateTime) {
      return ColumnCategory.TIMESTAMP;
    } else if (v instanceof LocalTime) {
      return ColumnCategory.TIME;
    } else if (v instanceof byte[]) {
      return ColumnCategory.BINARY;
    }
    return ColumnCategory.TEXT;
  }

  private static ColumnInfo column(String name, ColumnCategory category) {
    return new ColumnInfo(name, java.sql.Types.OTHER, "x", 0, 0, true, category);
  }

  @Test
  void encodesEachCategoryAsTheServerReadsIt() {
    assertThat(
            tabText(
                true,
                false,
                new byte[] {0, (byte) 0xff, 0x10},
                new byte[0],
                LocalDate.of(999, 1, 2),
                LocalDateTime.of(2021, 3, 4, 5, 6, 0),
                LocalDateTime.of(2021, 3, 4, 5, 6, 7, 120_000_000),
                LocalTime.of(23, 59, 58, 1_000),
                1.0E-7,
                -0.0,
                new java.math.BigDecimal("-1.50")))
        .isEqualTo(
            "1\t0\t00ff10\t\t0999-01-02\t2021-03-04 05:06:00\t2021-03-04 05:06:07.12"
                + "\t23:59:58.000001\t1.0E-7\t-0.0\t-1.50\n");
  }

  @Test
  void bytesAndBooleansGoThroughVariables() {
    LoadDataLocal load =
        new LoadDataLocal(
            new MariaDbDialect(),
            "`db`.`t`",
            "db.t",
            List.of(
                column("id", ColumnCategory.INTEGER),
                column("b", ColumnCategory.BINARY),
                column("f", ColumnCategory.BOOLEAN)));
    assertThat(load.sql())
        .isEqualTo(
            "LOAD DATA LOCAL INFILE 'guise-batch' INTO TABLE `db`.`t` CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
                + " (`id`, @v1, @v2) SET `b` = UNHEX(@v1), `f` = CAST(@v2 AS UNSIGNED)");
  }

  @Test
  void aWarningFailsNamingTheColumnAndNotTheValue() {
    SQLWarning w =
        new SQLWarning(
            "Incorrect string value: '\\xF0\\x9F\\x98\\x80' for column `db`.`t`.`name` at row 7",
            "HY000",
            1366);
    w.setNextWarning(new SQLWarning("Data too long for column 'x' at row 9", "22001", 1406));
    assertThatThrownBy(() -> LoadDataLocal.check("db.t", 10, 10, w))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("db.t.name - a value has characters the column's character set")
        .hasMessageContaining("row 7 of the batch, server warning 1366, the first of 2")
        .hasMessageNotContaining("xF0");
    SQLWarning duplicate = new SQLWarning("Duplicate entry '42' for key 'PRIMARY'", "23000", 1062);
    assertThatThrownBy(() -> LoadDataLocal.check("db.t", 9, 10, duplicate))
        .hasMessage(
            "db.t - a row duplicates a key and would be skipped (server warning 1062); the bulk"
                + " load stored 9 of 10 rows; nothing of this batch is committed");
    assertThatThrownBy(() -> LoadDataLocal.check("db.t", 9, 10, null))
        .hasMessage(
            "db.t - the bulk load stored 9 of the batch's 10 rows; nothing of this batch is"
                + " committed");
    assertThatCode(() -> LoadDataLocal.check("db.t", 10, 10, null)).doesNotThrowAnyException();
    assertThat(LoadDataLocal.refused(new SQLException("disabled", "HY000", 4166))).isTrue();
    assertThat(LoadDataLocal.refused(new SQLException("Duplicate", "23000", 1062))).isFalse();
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
