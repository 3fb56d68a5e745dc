package dev.guise.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TaskFailureTest {
  @Test
  void aConnectionFailureIsToldFromAFailureOverTheData() {
    SQLException io =
        new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertThat(TaskFailure.sql("s.t", io).connectionLost()).isTrue();
    // wrapped, as a driver may chain it
    assertThat(new TaskFailure("s.t - x", new RuntimeException(io)).connectionLost()).isTrue();
    assertThat(TaskFailure.sql("s.t", new SQLException("duplicate key", "23505")).connectionLost())
        .isFalse();
    assertThat(TaskFailure.sql("s.t", new SQLException("no state")).connectionLost()).isFalse();
    assertThat(new TaskFailure("s.t - a key is not readable", null).connectionLost()).isFalse();
  }
}
