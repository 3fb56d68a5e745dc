package dev.guise.exec;

import dev.guise.db.Dialect;
import dev.guise.plan.MaskTableStep;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import dev.guise.yaml.Diagnostic;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A source → target run's column checks: each source column has a faithful target column. */
final class TransferColumns {
  private TransferColumns() {}

  /** The target's column of a source column's name; a missing one was refused by the check. */
  static ColumnInfo targetColumn(TableInfo target, String sourceName) {
    return target
        .column(sourceName)
        .orElseThrow(
            () -> new IllegalStateException(target.ref() + "." + sourceName + " was not checked"));
  }

  /**
   * Every source column of the task has a column of its name in the target table whose type holds
   * its values unchanged; a NOT NULL target column the source lacks is warned of.
   */
  static void check(
      MaskTableStep step, TableInfo target, Dialect from, Dialect to, List<Diagnostic> problems) {
    for (ColumnInfo s : step.table().columns()) {
      String subject = step.table().ref() + "." + s.name();
      Optional<ColumnInfo> t = target.column(s.name());
      if (t.isEmpty()) {
        problems.add(
            Diagnostic.error(
                "no-target-column",
                subject,
                "has no column of that name in the target table "
                    + target.ref()
                    + ", so its values would be lost; add the column to the target"));
        continue;
      }
      String why = mapping(s, t.get(), from, to);
      if (why != null) {
        problems.add(
            Diagnostic.error(
                "type-not-mapped",
                subject,
                s.displayType()
                    + " has no faithful mapping to the target's "
                    + t.get().displayType()
                    + ": "
                    + why
                    + "; change the target column's type"));
      }
    }
    for (ColumnInfo t : target.columns()) {
      if (step.table().column(t.name()).isEmpty() && !t.nullable()) {
        problems.add(
            Diagnostic.warning(
                "target-column-not-in-source",
                target.ref() + "." + t.name(),
                "is not in the source table; rows get its default (an insert fails without one)"));
      }
    }
  }

  /** Why values of {@code s} cannot be written to {@code t} unchanged, or null when they can. */
  static String mapping(ColumnInfo s, ColumnInfo t, Dialect from, Dialect to) {
    ColumnCategory a = s.category();
    ColumnCategory b = t.category();
    if (a == ColumnCategory.OTHER || b == ColumnCategory.OTHER) {
      boolean same =
          from.name().equals(to.name())
              && s.typeName() != null
              && s.typeName().equalsIgnoreCase(t.typeName());
      return same
          ? null
          : "the engine's own type is copied only to the same type of the same engine";
    }
    if (a == b) {
      if (a == ColumnCategory.TEXT
          && t.maxTextLength() > 0
          && (s.maxTextLength() < 0 || s.maxTextLength() > t.maxTextLength())) {
        return "the target holds at most " + t.maxTextLength() + " characters";
      }
      if (a == ColumnCategory.INTEGER && narrower(s, t)) {
        return "the target's integer range is narrower";
      }
      return null;
    }
    // widening maps that keep every value as it was
    if (b == ColumnCategory.TEXT
        && t.maxTextLength() < 0
        && Set.of(ColumnCategory.UUID, ColumnCategory.JSON).contains(a)) {
      return null;
    }
    if (a == ColumnCategory.TEXT && b == ColumnCategory.JSON) {
      return null;
    }
    if (a == ColumnCategory.INTEGER
        && b == ColumnCategory.DECIMAL
        && t.scale() == 0
        && t.size() >= 19) {
      return null;
    }
    return "values are "
        + a.name().toLowerCase(Locale.ROOT)
        + " in the source and "
        + b.name().toLowerCase(Locale.ROOT)
        + " in the target";
  }

  /** The very same type: name (case aside), length or precision, and scale. */
  static boolean sameType(ColumnInfo s, ColumnInfo t) {
    return s.typeName() != null
        && s.typeName().equalsIgnoreCase(t.typeName())
        && s.size() == t.size()
        && s.scale() == t.scale();
  }

  private static boolean narrower(ColumnInfo s, ColumnInfo t) {
    var rs = s.integerRange();
    var rt = t.integerRange();
    return rs != null && rt != null && (rs[0].compareTo(rt[0]) < 0 || rs[1].compareTo(rt[1]) > 0);
  }
}
