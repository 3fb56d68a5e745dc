package dev.guise.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Whole rows read in an engine's bulk output format, for the bulk input of a target of the same
 * engine: the columns a task's rules read (and its key) are decoded into the Java values that
 * {@link Dialect#read} gives, the others stay {@link RawField}s (NULL is null). A dialect offers
 * this only where its text form of every decoded column equals what {@link Dialect#read} returns.
 */
public interface RawRows {
  /**
   * The rows of {@code select}, a statement with no parameters (the key values in it are {@link
   * #literal}s), in its order, up to {@code limit}.
   */
  List<Object[]> read(Connection c, String select, int limit) throws SQLException;

  /** A key value (a Long or a String, as {@link Dialect#read} gives them) as an SQL literal. */
  String literal(Object value);
}
