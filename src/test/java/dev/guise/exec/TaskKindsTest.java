package dev.guise.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guise.plan.RunSqlStep;
import dev.guise.plan.StepPlanners;
import dev.guise.plan.TruncateStep;
import dev.guise.ruleset.RunSqlTask;
import dev.guise.ruleset.TruncateTableTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One registration per task type feeds the parser, the planner and the executor alike. */
class TaskKindsTest {
  @Test
  void everyBuiltInTypeIsReadPlannedAndRunFromItsOneRegistration() {
    TaskKinds k = TaskKinds.BUILT_IN;
    assertThat(k.readers().keySet())
        .containsExactly(
            "mask_table",
            "run_sql",
            "truncate_table",
            "build_temp_table",
            "serial",
            "parallel",
            "run_schema_discovery",
            "run_data_discovery",
            "mask_unique_key",
            "copy_table",
            "mask_tabular_file",
            "mask_file");
    assertThat(k.planners().stream().map(StepPlanners.Registration::taskType).toList())
        .isEqualTo(k.all().stream().map(TaskKind::task).toList());
    for (TaskKind<?, ?> kind : k.all()) {
      assertThat(k.readers().get(kind.type())).isSameAs(kind.reader());
    }
  }

  @Test
  void aNameOrClassRegisteredTwiceFailsAtStartUp() {
    TaskKind<?, ?> truncate = TaskKinds.BUILT_IN.all().get(2);
    assertThat(truncate.type()).isEqualTo("truncate_table");
    assertThatThrownBy(() -> new TaskKinds(List.of(truncate, truncate)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncate_table")
        .hasMessageContaining("registered twice");
    TaskKind<TruncateTableTask, TruncateStep> sameName =
        new TaskKind<>(
            "run_sql",
            TruncateTableTask::read,
            TruncateTableTask.class,
            TruncateStep::plan,
            TruncateStep.class,
            new TruncateRunner());
    TaskKind<RunSqlTask, RunSqlStep> runSql =
        new TaskKind<>(
            "run_sql",
            RunSqlTask::read,
            RunSqlTask.class,
            RunSqlStep::plan,
            RunSqlStep.class,
            new RunSqlRunner());
    assertThatThrownBy(() -> new TaskKinds(List.of(runSql, sameName)))
        .hasMessageContaining("type run_sql is registered twice");
  }
}
