package dev.guise.db.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.db.TextBytes;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableRef;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresCopyWriteBackTest {
  private static ColumnInfo col(String name, ColumnCategory c) {
    return new ColumnInfo(name, Types.OTHER, "x", 0, 0, true, c);
  }

  private static String csv(Object v, ColumnCategory c) {
    TextBytes out = new TextBytes(4);
    PostgresCopyWriteBack.appendCsv(out, v, col("c", c));
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void csvKeepsNullAndEmptyApartAndQuotesEverything() {
    assertThat(csv(null, ColumnCategory.TEXT)).isEmpty();
    assertThat(csv("", ColumnCategory.TEXT)).isEqualTo("\"\"");
    assertThat(csv("a\"b,c\nd \\N", ColumnCategory.TEXT)).isEqualTo("\"a\"\"b,c\nd \\N\"");
    assertThat(csv("東京😀é", ColumnCategory.TEXT)).isEqualTo("\"東京😀é\"");
    assertThat(csv("a\ud800b", ColumnCategory.TEXT)).isEqualTo("\"a?b\""); // as getBytes does
    assertThat(csv(Long.MIN_VALUE, ColumnCategory.INTEGER)).isEqualTo("\"" + Long.MIN_VALUE + "\"");
    assertThat(csv(-907L, ColumnCategory.INTEGER)).isEqualTo("\"-907\"");
    assertThat(csv(0L, ColumnCategory.INTEGER)).isEqualTo("\"0\"");
    assertThat(csv(Long.MAX_VALUE, ColumnCategory.INTEGER)).isEqualTo("\"" + Long.MAX_VALUE + "\"");
    assertThat(csv(true, ColumnCategory.BOOLEAN)).isEqualTo("\"t\"");
    assertThat(csv(new BigDecimal("1E+3"), ColumnCategory.DECIMAL)).isEqualTo("\"1000\"");
    assertThat(csv(new byte[] {0, (byte) 0xff}, ColumnCategory.BINARY)).isEqualTo("\"\\x00ff\"");
    assertThat(
            csv(
                OffsetDateTime.of(2021, 3, 4, 5, 6, 7, 0, ZoneOffset.ofHours(2)),
                ColumnCategory.TIMESTAMP_TZ))
        .isEqualTo("\"2021-03-04T05:06:07+02:00\"");
  }

  @Test
  void oneUpdateJoinedOnTheWholeKey() {
    assertThat(
            PostgresCopyWriteBack.updateSql(
                new PostgresDialect(),
                new TableRef("public", "order"),
                "\"guise_staging_1\"",
                List.of(col("id", ColumnCategory.INTEGER), col("Line No", ColumnCategory.TEXT)),
                List.of(col("user", ColumnCategory.TEXT))))
        .isEqualTo(
            "UPDATE \"public\".\"order\" AS t SET \"user\" = s.\"user\" FROM \"guise_staging_1\" AS s"
                + " WHERE t.\"id\" = s.\"id\" AND t.\"Line No\" = s.\"Line No\""
                + " AND t.\"id\" >= (SELECT min(\"id\") FROM \"guise_staging_1\")"
                + " AND t.\"id\" <= (SELECT max(\"id\") FROM \"guise_staging_1\")");
  }
}
