package dev.guise.discovery;

import dev.guise.schema.ColumnCategory;
import java.util.EnumSet;
import java.util.Set;

/** What a discovery rule may say about a column's type, as its rules file spells it. */
enum TypeFamily {
  TEXT,
  INTEGER,
  DECIMAL,
  DATE,
  DATETIME,
  BOOLEAN,
  OTHER;

  static TypeFamily of(ColumnCategory c) {
    return switch (c) {
      case TEXT, JSON -> TEXT;
      case INTEGER -> INTEGER;
      case DECIMAL, FLOAT -> DECIMAL;
      case DATE -> DATE;
      case TIMESTAMP, TIMESTAMP_TZ -> DATETIME;
      case BOOLEAN -> BOOLEAN;
      default -> OTHER;
    };
  }

  /** The families a word of a rules file stands for, or null for an unknown word. */
  static Set<TypeFamily> parse(String word) {
    return switch (word) {
      case "text" -> EnumSet.of(TEXT);
      case "integer" -> EnumSet.of(INTEGER);
      case "decimal" -> EnumSet.of(DECIMAL);
      case "number" -> EnumSet.of(INTEGER, DECIMAL);
      case "date" -> EnumSet.of(DATE);
      case "datetime" -> EnumSet.of(DATETIME);
      case "boolean" -> EnumSet.of(BOOLEAN);
      case "other" -> EnumSet.of(OTHER);
      case "any" -> EnumSet.allOf(TypeFamily.class);
      default -> null;
    };
  }

  static final String WORDS = "text, integer, decimal, number, date, datetime, boolean, other, any";
}
