package dev.guise.plan;

import dev.guise.mask.BuiltMask;
import dev.guise.mask.FromUniqueMask;
import dev.guise.mask.OutputShape;
import dev.guise.mask.Pipeline;
import dev.guise.mask.TokenizeMask;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.yaml.Diagnostics;
import java.math.BigInteger;
import java.util.List;

/** Checks that what a pipeline outputs fits the column it is written to. */
final class OutputFit {
  private OutputFit() {}

  /**
   * A lone {@code from_unique} whose format gives digits of one length fits an integer key: the
   * largest number it gives, else null.
   */
  private static BigInteger digitsOnlyUnique(Pipeline pipeline) {
    return pipeline.masks().size() == 1
            && pipeline.masks().get(0).mask() instanceof FromUniqueMask u
        ? u.largestNumber().orElse(null)
        : null;
  }

  /** Checks the pipeline's output against the column's type and length. */
  static void check(String table, ColumnInfo c, Pipeline pipeline, Diagnostics diagnostics) {
    List<BuiltMask> masks = pipeline.masks();
    if (masks.get(masks.size() - 1).mask() instanceof TokenizeMask t) {
      // a token must fit, and be readable back, from the column itself
      String problem = t.columnProblem(c.category(), c.maxTextLength(), c.displayType());
      if (problem != null) {
        diagnostics.error(
            "type-mismatch",
            table + "." + c.name(),
            lastMaskDescription(pipeline) + " - " + problem);
      }
      return;
    }
    OutputShape shape = pipeline.shape();
    if (shape.kind() == OutputShape.Kind.SAME || shape.kind() == OutputShape.Kind.ANY) {
      return;
    }
    String subject = table + "." + c.name();
    String by = lastMaskDescription(pipeline);
    String problem = null;
    ColumnCategory cat = c.category();
    switch (cat) {
      case TEXT -> {
        int max = c.maxTextLength();
        int out = textLength(shape);
        if (max > 0 && out > max) {
          problem =
              by
                  + " can output "
                  + out
                  + " characters but the column is "
                  + c.displayType()
                  + "; shorten the output or widen the column";
        }
      }
      case INTEGER -> {
        BigInteger largest = digitsOnlyUnique(pipeline);
        BigInteger[] range = c.integerRange();
        if (largest != null) {
          if (range != null && largest.compareTo(range[1]) > 0) {
            problem =
                by
                    + " can give numbers up to "
                    + largest
                    + " but the column is "
                    + c.displayType()
                    + " (at most "
                    + range[1]
                    + "); use fewer digits";
          }
        } else if (shape.kind() != OutputShape.Kind.INTEGER) {
          problem =
              by
                  + " outputs "
                  + word(shape)
                  + " but the column is "
                  + c.displayType()
                  + "; use a numeric mask (e.g. from_random_number) or typecast to integer";
        }
      }
      case DECIMAL, FLOAT -> {
        if (shape.kind() != OutputShape.Kind.INTEGER && shape.kind() != OutputShape.Kind.DECIMAL) {
          problem =
              by
                  + " outputs "
                  + word(shape)
                  + " but the column is "
                  + c.displayType()
                  + "; use a numeric mask or typecast to decimal";
        }
      }
      case BOOLEAN -> {
        if (shape.kind() != OutputShape.Kind.BOOLEAN) {
          problem =
              by
                  + " outputs "
                  + word(shape)
                  + " but the column is "
                  + c.displayType()
                  + "; use from_random_boolean or typecast to boolean";
        }
      }
      case DATE, TIMESTAMP, TIMESTAMP_TZ -> {
        if (shape.kind() != OutputShape.Kind.DATE && shape.kind() != OutputShape.Kind.DATETIME) {
          problem =
              by
                  + " outputs "
                  + word(shape)
                  + " but the column is "
                  + c.displayType()
                  + "; use a date mask or typecast to date/datetime";
        }
      }
      default -> {
        // uuid, json, binary, time and engine-specific types: the database checks on write
      }
    }
    if (problem != null) {
      diagnostics.error("type-mismatch", subject, problem);
    }
  }

  private static int textLength(OutputShape shape) {
    return switch (shape.kind()) {
      case DATE -> 10;
      case DATETIME -> 19;
      case BOOLEAN -> 5;
      default -> shape.maxLength();
    };
  }

  private static String word(OutputShape s) {
    return switch (s.kind()) {
      case TEXT -> "text";
      case INTEGER -> "integers";
      case DECIMAL -> "decimals";
      case BOOLEAN -> "booleans";
      case DATE -> "dates";
      case DATETIME -> "date-times";
      default -> "values";
    };
  }

  private static String lastMaskDescription(Pipeline pipeline) {
    List<BuiltMask> masks = pipeline.masks();
    BuiltMask last = masks.get(masks.size() - 1);
    return "mask '" + last.name() + "' (" + last.location() + ")";
  }
}
