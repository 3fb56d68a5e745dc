package dev.guise.db.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableRef;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlTempTableWriteBackTest {
  private static ColumnInfo col(String name) {
    return new ColumnInfo(name, Types.VARCHAR, "VARCHAR", 10, 0, true, ColumnCategory.TEXT);
  }

  @Test
  void oneUpdateJoinedOnTheWholeKey() {
    assertThat(
            MySqlTempTableWriteBack.updateSql(
                new MariaDbDialect(),
                new TableRef("app", "Mixed Case"),
                "`app`.`guise_staging_1`",
                List.of(col("id"), col("line`no")),
                List.of(col("user"), col("note"))))
        .isEqualTo(
            "UPDATE `app`.`Mixed Case` AS t JOIN `app`.`guise_staging_1` AS s ON t.`id` = s.`id`"
                + " AND t.`line``no` = s.`line``no` SET t.`user` = s.`user`, t.`note` = s.`note`");
  }

  @Test
  void rangedUpdateScansTheTargetFirstWithinTheBatchKeyRange() {
    assertThat(
            MySqlTempTableWriteBack.rangedUpdateSql(
                new MariaDbDialect(),
                new TableRef("app", "Mixed Case"),
                "`app`.`guise_staging_1`",
                List.of(col("id"), col("line`no")),
                List.of(col("user"))))
        .isEqualTo(
            "UPDATE `app`.`Mixed Case` AS t STRAIGHT_JOIN `app`.`guise_staging_1` AS s"
                + " ON t.`id` = s.`id` AND t.`line``no` = s.`line``no` SET t.`user` = s.`user`"
                + " WHERE t.`id` >= ? AND t.`id` <= ?");
  }
}
