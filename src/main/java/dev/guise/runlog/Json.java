package dev.guise.runlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** The one JSON mapper for files and {@code --format json} output. */
public final class Json {
  /** Dates and times as ISO-8601 text, byte arrays as base64. */
  public static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    SimpleModule time = new SimpleModule("iso-time");
    for (Class<?> c :
        new Class<?>[] {
          Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class, OffsetDateTime.class
        }) {
      time.addSerializer(c, ToStringSerializer.instance);
    }
    return JsonMapper.builder()
        .addModule(time)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }
}
