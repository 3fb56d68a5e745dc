package dev.guise.it;

import dev.guise.schema.ColumnCategory;
import java.sql.SQLException;
import java.util.List;

/** MariaDB at a URL from {@link IntegrationServers}; its sandbox schemas are databases. */
final class MariaDbEngine extends TestEngine {
  private final String url;

  MariaDbEngine(String url) {
    this.url = url;
  }

  @Override
  String name() {
    return "mariadb";
  }

  @Override
  String url() {
    return url;
  }

  @Override
  void createSchema(String name) throws SQLException {
    sql("CREATE DATABASE " + q(name) + " CHARACTER SET utf8mb4");
  }

  @Override
  void dropSchema(String name) throws SQLException {
    sql("DROP DATABASE " + q(name));
  }

  @Override
  String timestampType() {
    return "datetime(6)";
  }

  @Override
  String setBasedWriteBack() {
    return "MySqlTempTableWriteBack";
  }

  @Override
  List<TypeCase> typeCases() {
    return List.of(
        new TypeCase("json", "'{\"a\": [1, \"é\"], \"q\": \"x,y\"}'", ColumnCategory.JSON),
        new TypeCase("datetime(6)", "'2021-03-04 05:06:07.123456'", ColumnCategory.TIMESTAMP),
        new TypeCase("timestamp(3) NULL", "'2021-03-04 05:06:07.500'", ColumnCategory.TIMESTAMP),
        new TypeCase("tinyint(1)", "1", ColumnCategory.BOOLEAN),
        new TypeCase("bit(1)", "b'1'", ColumnCategory.BOOLEAN),
        new TypeCase("decimal(12,4)", "-1234.5600", ColumnCategory.DECIMAL),
        new TypeCase("enum('red','green')", "'green'", ColumnCategory.TEXT),
        new TypeCase("set('a','b','c')", "'a,c'", ColumnCategory.TEXT),
        new TypeCase("char(4)", "'ab'", ColumnCategory.TEXT),
        new TypeCase("varchar(3)", "'日本😀'", ColumnCategory.TEXT),
        new TypeCase("text", "'line1\\nline2, \"quoted\" \\\\N'", ColumnCategory.TEXT),
        new TypeCase("smallint", "-32768", ColumnCategory.INTEGER),
        new TypeCase("bigint", "9223372036854775807", ColumnCategory.INTEGER),
        new TypeCase("double", "1.0E-7", ColumnCategory.FLOAT),
        new TypeCase("float", "1.1", ColumnCategory.FLOAT),
        new TypeCase("date", "'1999-12-31'", ColumnCategory.DATE),
        new TypeCase("time", "'23:59:58'", ColumnCategory.TIME),
        new TypeCase("varbinary(8)", "X'00ff10'", ColumnCategory.BINARY));
  }

  @Override
  String statementTimeoutProbe() {
    return "SELECT @@max_statement_time";
  }
}
