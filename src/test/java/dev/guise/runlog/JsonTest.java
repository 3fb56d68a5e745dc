package dev.guise.runlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Times are written as their ISO-8601 text, exactly as the hand-written serializers wrote them. */
class JsonTest {
  @Test
  void timesAreIsoTextAsToStringWritesThem() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    Instant instant = Instant.parse("2024-02-29T23:59:58.123456789Z");
    LocalDate date = LocalDate.of(2024, 2, 29);
    LocalDateTime dateTime = LocalDateTime.of(2024, 2, 29, 7, 5, 3, 120_000_000);
    LocalTime time = LocalTime.of(7, 5);
    OffsetDateTime offset = OffsetDateTime.of(dateTime, ZoneOffset.ofHours(-3));
    m.put("i", instant);
    m.put("d", date);
    m.put("dt", dateTime);
    m.put("t", time);
    m.put("o", offset);
    m.put("b", new byte[] {1, 2, 3});
    assertThat(Json.MAPPER.writeValueAsString(m))
        .isEqualTo(
            "{\"i\":\""
                + instant
                + "\",\"d\":\""
                + date
                + "\",\"dt\":\""
                + dateTime
                + "\",\"t\":\""
                + time
                + "\",\"o\":\""
                + offset
                + "\",\"b\":\"AQID\"}");
  }
}
