package dev.guise.runlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** The one JSON mapper for run.json, log.jsonl, the run store and {@code --format json} output. */
public final class Json {
  /**
   * Dates and times as ISO-8601 text (as {@code toString()} writes them), byte arrays as base64.
   */
  public static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    JavaTimeModule time = new JavaTimeModule();
    // the module's ISO formatters trim fractions ("03.12") and always print seconds, where
    // toString() keeps millisecond groups ("03.120") and drops ":00"; samples in run.json have
    // always read as toString() does, so these three keep it
    time.addSerializer(LocalDateTime.class, ToStringSerializer.instance);
    time.addSerializer(LocalTime.class, ToStringSerializer.instance);
    time.addSerializer(OffsetDateTime.class, ToStringSerializer.instance);
    return JsonMapper.builder()
        .addModule(time)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }
}
