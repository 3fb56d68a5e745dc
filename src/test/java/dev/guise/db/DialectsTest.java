package dev.guise.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.schema.ColumnCategory;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dialect discovery, URLs, quoting, DDL and keyset SQL per engine; no server needed. */
class DialectsTest {
  private static Dialect type(String dbType) {
    return Dialects.forDbType(dbType).orElseThrow();
  }

  @Test
  void rawUrlsFindTheirEngine() {
    assertThat(Dialects.forUrl("jdbc:postgresql://h/db").orElseThrow().name())
        .isEqualTo("postgres");
    assertThat(Dialects.forUrl("jdbc:mariadb://h/db").orElseThrow().name()).isEqualTo("mariadb");
    assertThat(Dialects.forUrl("jdbc:mysql://h/db").orElseThrow().name()).isEqualTo("mysql");
    assertThat(Dialects.forUrl("jdbc:h2:mem:x").orElseThrow().name()).isEqualTo("h2");
    assertThat(Dialects.forUrl("jdbc:oracle:thin:@h:1521/x")).isEmpty();
    assertThat(type("PostgreSQL").name()).isEqualTo("postgres");
  }

  @Test
  void urlsFromHostPortAndDatabase() {
    assertThat(type("postgres").jdbcUrl("db.internal", 5433, "app"))
        .isEqualTo("jdbc:postgresql://db.internal:5433/app");
    assertThat(type("mariadb").jdbcUrl("db", null, "app")).isEqualTo("jdbc:mariadb://db/app");
    assertThat(type("mysql").jdbcUrl("db", 3306, "app")).isEqualTo("jdbc:mysql://db:3306/app");
  }

  @Test
  void mysqlUrlsAreHandedToTheMariaDbDriverWithPermission() {
    Dialect mysql = type("mysql");
    assertThat(mysql.driverUrl("jdbc:mysql://h/db"))
        .isEqualTo("jdbc:mysql://h/db?permitMysqlScheme");
    assertThat(mysql.driverUrl("jdbc:mysql://h/db?user=x"))
        .isEqualTo("jdbc:mysql://h/db?user=x&permitMysqlScheme");
    assertThat(mysql.driverUrl("jdbc:mysql://h/db?permitMysqlScheme&user=x"))
        .isEqualTo("jdbc:mysql://h/db?permitMysqlScheme&user=x");
    assertThat(type("mariadb").driverUrl("jdbc:mariadb://h/db")).isEqualTo("jdbc:mariadb://h/db");
  }

  @Test
  void identifiersAreQuotedAsWritten() {
    TableRef order = new TableRef("My Schema", "order");
    assertThat(type("postgres").qualified(order)).isEqualTo("\"My Schema\".\"order\"");
    assertThat(type("postgres").quote("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(type("mariadb").qualified(order)).isEqualTo("`My Schema`.`order`");
    assertThat(type("mysql").quote("a`b")).isEqualTo("`a``b`");
    assertThat(type("mysql").quote("Mixed Case")).isEqualTo("`Mixed Case`");
  }

  @Test
  void tempTablesAreQuotedAsTheEngineStoresAnUnquotedName() {
    assertThat(type("h2").createTableAs("seniors", "SELECT 1"))
        .isEqualTo("CREATE TABLE \"SENIORS\" AS SELECT 1");
    assertThat(type("postgres").createTableAs("Seniors", "SELECT 1"))
        .isEqualTo("CREATE TABLE \"seniors\" AS SELECT 1");
    assertThat(type("mysql").createTableAs("Seniors", "SELECT 1"))
        .isEqualTo("CREATE TABLE `Seniors` AS SELECT 1");
    assertThat(type("h2").dropTable("seniors")).isEqualTo("DROP TABLE \"SENIORS\"");
    assertThat(type("postgres").dropTable("Seniors")).isEqualTo("DROP TABLE \"seniors\"");
    assertThat(type("mariadb").dropTable("seniors")).isEqualTo("DROP TABLE `seniors`");
  }

  @Test
  void aTempTableIsFoundByItsPlainNameInH2() throws Exception {
    Dialect h2 = type("h2");
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:ddl");
        Statement st = c.createStatement()) {
      st.execute(h2.createTableAs("lookup", "SELECT X AS id FROM SYSTEM_RANGE(1, 3)"));
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM lookup")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(3);
      }
      st.execute(h2.dropTable("lookup"));
      assertThat(h2.describe(c, "lookup", null)).isEmpty();
    }
  }

  @Test
  void keysetReadsNeverUseOffset() {
    String sql =
        type("mariadb")
            .keysetQuery(
                BatchQuery.of(
                    new TableRef("app", "user"), List.of("a", "b"), List.of("v"), "x > 1"),
                true,
                500)
            .sql();
    assertThat(sql)
        .isEqualTo(
            "SELECT `app`.`user`.`a`, `app`.`user`.`b`, `app`.`user`.`v` FROM `app`.`user`"
                + " WHERE (x > 1) AND ((`app`.`user`.`a` > ?) OR (`app`.`user`.`a` = ? AND"
                + " `app`.`user`.`b` > ?)) ORDER BY `app`.`user`.`a`, `app`.`user`.`b` LIMIT 500")
        .doesNotContainIgnoringCase("offset");
    assertThat(
            type("postgres")
                .keysetQuery(
                    BatchQuery.of(new TableRef("s", "t"), List.of("id"), List.of(), null),
                    false,
                    10)
                .sql())
        .isEqualTo(
            "SELECT \"s\".\"t\".\"id\" FROM \"s\".\"t\" ORDER BY \"s\".\"t\".\"id\" LIMIT 10");
  }

  @Test
  void joinsAreLeftJoinsOnQualifiedColumns() {
    BatchQuery q =
        new BatchQuery(
            new TableRef("s", "orders"),
            List.of("id"),
            List.of("note"),
            List.of(
                new BatchQuery.Join(
                    new TableRef("s", "customers"),
                    List.of("id"),
                    new TableRef("s", "orders"),
                    List.of("customer_id"))),
            List.of(new BatchQuery.JoinedColumn(new TableRef("s", "customers"), "name")),
            null,
            List.of());
    assertThat(type("postgres").keysetQuery(q, false, 5).sql())
        .isEqualTo(
            "SELECT \"s\".\"orders\".\"id\", \"s\".\"orders\".\"note\", \"s\".\"customers\".\"name\""
                + " FROM \"s\".\"orders\" LEFT JOIN \"s\".\"customers\" ON \"s\".\"customers\".\"id\" ="
                + " \"s\".\"orders\".\"customer_id\" ORDER BY \"s\".\"orders\".\"id\" LIMIT 5");
    assertThat(type("postgres").countRows(q))
        .isEqualTo(
            "SELECT COUNT(*) FROM \"s\".\"orders\" LEFT JOIN \"s\".\"customers\" ON"
                + " \"s\".\"customers\".\"id\" = \"s\".\"orders\".\"customer_id\"");
  }

  @Test
  void engineTypesMapToCategories() {
    Dialect pg = type("postgres");
    assertThat(pg.categorize(Types.TIMESTAMP, "timestamptz"))
        .isEqualTo(ColumnCategory.TIMESTAMP_TZ);
    assertThat(pg.categorize(Types.TIMESTAMP, "timestamp")).isEqualTo(ColumnCategory.TIMESTAMP);
    assertThat(pg.categorize(Types.BIT, "bool")).isEqualTo(ColumnCategory.BOOLEAN);
    assertThat(pg.categorize(Types.BIT, "bit")).isEqualTo(ColumnCategory.OTHER);
    assertThat(pg.categorize(Types.OTHER, "jsonb")).isEqualTo(ColumnCategory.JSON);
    assertThat(pg.categorize(Types.OTHER, "uuid")).isEqualTo(ColumnCategory.UUID);
    assertThat(pg.categorize(Types.CHAR, "bpchar")).isEqualTo(ColumnCategory.TEXT);
    Dialect my = type("mysql");
    assertThat(my.categorize(Types.LONGVARCHAR, "JSON")).isEqualTo(ColumnCategory.JSON);
    assertThat(my.categorize(Types.DATE, "YEAR")).isEqualTo(ColumnCategory.INTEGER);
    assertThat(my.categorize(Types.VARCHAR, "ENUM")).isEqualTo(ColumnCategory.TEXT);
    assertThat(my.categorize(Types.BOOLEAN, "BOOLEAN")).isEqualTo(ColumnCategory.BOOLEAN);
  }
}
