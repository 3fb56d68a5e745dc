package dev.guise.it;

import dev.guise.schema.ColumnCategory;
import java.sql.SQLException;
import java.util.List;

/** H2 in memory: always available. */
class H2Engine extends TestEngine {
  private final String url;

  H2Engine() {
    this.url = "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
  }

  /** H2 at another URL (a file a second process can share). */
  H2Engine(String url) {
    this.url = url;
  }

  @Override
  String name() {
    return "h2";
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
    return "KeyedUpdateWriteBack"; // in-process: no round trips for a staging table to save
  }

  @Override
  List<TypeCase> typeCases() {
    return List.of(
        new TypeCase("uuid", "'6F9619FF-8B86-D011-B42D-00CF4FC964FF'", ColumnCategory.UUID),
        new TypeCase("json", "JSON '{\"a\": [1, \"é\"]}'", ColumnCategory.JSON),
        new TypeCase(
            "timestamp with time zone",
            "TIMESTAMP WITH TIME ZONE '2021-03-04 05:06:07.123456+02:00'",
            ColumnCategory.TIMESTAMP_TZ),
        new TypeCase("timestamp", "TIMESTAMP '2021-03-04 05:06:07.5'", ColumnCategory.TIMESTAMP),
        new TypeCase("boolean", "TRUE", ColumnCategory.BOOLEAN),
        new TypeCase("numeric(12,4)", "-1234.5600", ColumnCategory.DECIMAL),
        new TypeCase("char(4)", "'ab'", ColumnCategory.TEXT),
        // H2 counts UTF-16 units, not code points
        new TypeCase("varchar(4)", "'日本😀'", ColumnCategory.TEXT),
        new TypeCase("smallint", "-32768", ColumnCategory.INTEGER),
        new TypeCase("bigint", "9223372036854775807", ColumnCategory.INTEGER),
        new TypeCase("double precision", "1.0E-7", ColumnCategory.FLOAT),
        new TypeCase("real", "1.1", ColumnCategory.FLOAT),
        new TypeCase("date", "DATE '1999-12-31'", ColumnCategory.DATE),
        new TypeCase("time", "TIME '23:59:58'", ColumnCategory.TIME),
        new TypeCase("varbinary(8)", "X'00ff10'", ColumnCategory.BINARY));
  }

  @Override
  String statementTimeoutProbe() {
    return null;
  }

  @Override
  public void close() throws SQLException {
    if (admin() != null) {
      sql("SHUTDOWN");
      admin().close();
    }
  }
}
