package dev.guise.runlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * log.jsonl: one JSON object per line with {@code timestamp}, {@code log_level} (10 debug ... 50
 * fatal), {@code task} and {@code message}. Flushed per line so {@code guise runs log --follow}
 * sees it live. Callers never pass secrets.
 */
public final class RunLog implements AutoCloseable {
  public static final int DEBUG = 10;
  public static final int INFO = 20;
  public static final int WARNING = 30;
  public static final int ERROR = 40;
  public static final int FATAL = 50;

  private final BufferedWriter out;
  private final Clock clock;

  public RunLog(Path file, Clock clock) {
    this.clock = clock;
    try {
      this.out =
          Files.newBufferedWriter(
              OwnerOnly.file(file),
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void log(int level, String task, String message) {
    log(level, task, message, Map.of());
  }

  public synchronized void log(int level, String task, String message, Map<String, ?> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", clock.instant().toString());
    line.put("log_level", level);
    line.put("task", task);
    line.put("message", message);
    line.putAll(fields);
    try {
      out.write(Json.MAPPER.writeValueAsString(line));
      out.write('\n');
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
