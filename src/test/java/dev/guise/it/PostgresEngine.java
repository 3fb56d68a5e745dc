package dev.guise.it;

import dev.guise.schema.ColumnCategory;
import java.util.List;

/** PostgreSQL at a URL from {@link IntegrationServers}. */
final class PostgresEngine extends TestEngine {
  private final String url;

  PostgresEngine(String url) {
    this.url = url;
  }

  @Override
  String name() {
    return "postgres";
  }

  @Override
  String url() {
    return url;
  }

  @Override
  String timestampType() {
    return "timestamp";
  }

  @Override
  String setBasedWriteBack() {
    return "PostgresCopyWriteBack";
  }

  @Override
  List<TypeCase> typeCases() {
    return List.of(
        new TypeCase("uuid", "'6F9619FF-8B86-D011-B42D-00CF4FC964FF'", ColumnCategory.UUID),
        new TypeCase("json", "'{\"b\": 1,  \"a\": \"é\\\"q\"}'", ColumnCategory.JSON),
        new TypeCase("jsonb", "'{\"a\": [1, \"é\"], \"q\": \"x,y\"}'", ColumnCategory.JSON),
        new TypeCase("timestamptz", "'2021-03-04 05:06:07.123456+02'", ColumnCategory.TIMESTAMP_TZ),
        new TypeCase("timestamp", "'2021-03-04 05:06:07.5'", ColumnCategory.TIMESTAMP),
        new TypeCase("bool", "true", ColumnCategory.BOOLEAN),
        new TypeCase("numeric(12,4)", "-1234.5600", ColumnCategory.DECIMAL),
        new TypeCase("numeric", "1e-20", ColumnCategory.DECIMAL),
        new TypeCase("char(4)", "'ab'", ColumnCategory.TEXT),
        new TypeCase("varchar(3)", "'日本😀'", ColumnCategory.TEXT),
        new TypeCase("text", "'line1\nline2, \"quoted\" \\N'", ColumnCategory.TEXT),
        new TypeCase("int2", "-32768", ColumnCategory.INTEGER),
        new TypeCase("int8", "9223372036854775807", ColumnCategory.INTEGER),
        new TypeCase("float8", "1.0E-7", ColumnCategory.FLOAT),
        new TypeCase("real", "1.1", ColumnCategory.FLOAT),
        new TypeCase("date", "'1999-12-31'", ColumnCategory.DATE),
        new TypeCase("time", "'23:59:58'", ColumnCategory.TIME),
        new TypeCase("bytea", "'\\x00ff10'", ColumnCategory.BINARY));
  }

  @Override
  String statementTimeoutProbe() {
    return "SHOW statement_timeout";
  }
}
