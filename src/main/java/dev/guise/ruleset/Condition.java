package dev.guise.ruleset;

import dev.guise.schema.RowView;
import dev.guise.yaml.Location;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A condition of a conditional rule, evaluated against a row's original values. */
public sealed interface Condition
    permits Condition.Compare,
        Condition.IsNull,
        Condition.Matches,
        Condition.All,
        Condition.Any,
        Condition.Not {

  boolean test(RowView row);

  /** Columns the condition reads (as written, possibly {@code table.column}). */
  Set<String> columns();

  Location location();

  /** Comparison operators of DataMasque conditions. */
  enum Op {
    EQUALS("equals"),
    NOT_EQUALS("not_equals"),
    LESS_THAN("less_than"),
    GREATER_THAN("greater_than");

    final String yaml;

    Op(String yaml) {
      this.yaml = yaml;
    }
  }

  /** {@code column} compared with a literal; NULL never compares (use is_null). */
  record Compare(String column, Op op, Object value, Location location) implements Condition {
    @Override
    public boolean test(RowView row) {
      Object v = row.get(column);
      if (v == null || value == null) {
        return op == Op.NOT_EQUALS ? !Objects.equals(v, value) : op == Op.EQUALS && v == value;
      }
      int c = compare(v, value);
      return switch (op) {
        case EQUALS -> c == 0;
        case NOT_EQUALS -> c != 0;
        case LESS_THAN -> c < 0;
        case GREATER_THAN -> c > 0;
      };
    }

    @Override
    public Set<String> columns() {
      return Set.of(column);
    }
  }

  /** {@code is_null: true|false}. */
  record IsNull(String column, boolean expected, Location location) implements Condition {
    @Override
    public boolean test(RowView row) {
      return (row.get(column) == null) == expected;
    }

    @Override
    public Set<String> columns() {
      return Set.of(column);
    }
  }

  /** {@code matches: regex} against the value as text (the whole value must match). */
  record Matches(String column, Pattern pattern, Location location) implements Condition {
    @Override
    public boolean test(RowView row) {
      Object v = row.get(column);
      return v != null && pattern.matcher(v.toString()).matches();
    }

    @Override
    public Set<String> columns() {
      return Set.of(column);
    }
  }

  /** {@code and}, and the implicit conjunction of an {@code if} list. */
  record All(List<Condition> conditions, Location location) implements Condition {
    @Override
    public boolean test(RowView row) {
      for (Condition c : conditions) {
        if (!c.test(row)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Set<String> columns() {
      Set<String> s = new LinkedHashSet<>();
      conditions.forEach(c -> s.addAll(c.columns()));
      return s;
    }
  }

  /** {@code or}. */
  record Any(List<Condition> conditions, Location location) implements Condition {
    @Override
    public boolean test(RowView row) {
      for (Condition c : conditions) {
        if (c.test(row)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Set<String> columns() {
      Set<String> s = new LinkedHashSet<>();
      conditions.forEach(c -> s.addAll(c.columns()));
      return s;
    }
  }

  /** {@code not}. */
  record Not(Condition condition, Location location) implements Condition {
    @Override
    public boolean test(RowView row) {
      return !condition.test(row);
    }

    @Override
    public Set<String> columns() {
      return condition.columns();
    }
  }

  /**
   * Orders a row value against a YAML literal: numbers numerically, dates and timestamps against
   * ISO-8601 text, booleans and text as text.
   */
  static int compare(Object v, Object literal) {
    if (v instanceof Number || v instanceof BigDecimal) {
      try {
        return new BigDecimal(v.toString()).compareTo(new BigDecimal(literal.toString().trim()));
      } catch (NumberFormatException notANumber) {
        return v.toString().compareTo(literal.toString());
      }
    }
    String lit = literal.toString().trim();
    try {
      if (v instanceof LocalDate d) {
        return d.compareTo(
            lit.length() > 10
                ? LocalDateTime.parse(lit.replace(' ', 'T')).toLocalDate()
                : LocalDate.parse(lit));
      }
      if (v instanceof LocalDateTime t) {
        return t.compareTo(
            lit.length() <= 10
                ? LocalDate.parse(lit).atStartOfDay()
                : LocalDateTime.parse(lit.replace(' ', 'T')));
      }
      if (v instanceof OffsetDateTime o) {
        return o.toInstant().compareTo(OffsetDateTime.parse(lit.replace(' ', 'T')).toInstant());
      }
    } catch (java.time.format.DateTimeParseException e) {
      return v.toString().compareTo(lit);
    }
    return v.toString().compareTo(literal.toString());
  }
}
