package dev.guise.db;

/**
 * A column value kept as the source engine's bulk output wrote it (a PostgreSQL {@code COPY ... TO
 * STDOUT} CSV field, its quotes included), for a column that no rule reads: a source → target run
 * between two databases of one engine hands it to the target's bulk input unchanged, and so never
 * decodes it into a Java value and encodes it back.
 *
 * @param data the bytes of the row it came in (shared by the row's fields)
 * @param from where the field starts in {@code data}
 * @param length the field's length in bytes
 */
public record RawField(byte[] data, int from, int length) {
  @Override
  public String toString() {
    return "<raw " + length + " bytes>"; // never the value: it may be a real one
  }
}
