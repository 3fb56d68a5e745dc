package dev.guise.it;

import java.sql.Connection;
import org.h2.api.Trigger;

/** An H2 trigger that stamps {@code touched} (the third column) on every row it sees updated. */
public final class TouchTrigger implements Trigger {
  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
    if (newRow != null) {
      newRow[2] = "fired";
    }
  }
}
