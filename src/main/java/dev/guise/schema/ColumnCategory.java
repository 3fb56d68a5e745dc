package dev.guise.schema;

/** Engine-independent column categories: what Java type values are read as and written from. */
public enum ColumnCategory {
  /** String. */
  TEXT,
  /** Long. */
  INTEGER,
  /** BigDecimal. */
  DECIMAL,
  /** Double. */
  FLOAT,
  /** Boolean. */
  BOOLEAN,
  /** LocalDate. */
  DATE,
  /** LocalDateTime. */
  TIMESTAMP,
  /** OffsetDateTime. */
  TIMESTAMP_TZ,
  /** LocalTime. */
  TIME,
  /** String (canonical lower-case form). */
  UUID,
  /** String. */
  JSON,
  /** byte[]. */
  BINARY,
  /** String, as the driver renders it. */
  OTHER
}
