package dev.guise.cli;

import java.sql.Connection;
import org.h2.api.Trigger;

/** An H2 trigger that does nothing: its presence is what {@code guise plan} must see. */
public final class NoopTrigger implements Trigger {
  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) {}
}
