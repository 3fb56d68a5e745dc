package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.value.Conversions;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * {@code typecast}: converts the value to another type. Text parses as a number by its plain or
 * scientific notation; integers are truncated toward zero; text parses as a date with {@code
 * date_format}, or as ISO-8601 without one; zoned timestamps convert in UTC.
 */
public final class TypecastMask implements Mask {
  public static final String NAME = "typecast";

  /** The accepted {@code typecast_as} values. */
  enum Target {
    STRING,
    INTEGER,
    FLOAT,
    DECIMAL,
    BOOLEAN,
    DATE,
    DATETIME
  }

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "transformation",
          "Convert the value to another type.",
          List.of(
              ParamSpec.required(
                  "typecast_as",
                  ParamType.STRING,
                  "string | integer | float | decimal | boolean | date | datetime."),
              ParamSpec.optional(
                  "date_format",
                  ParamType.STRING,
                  null,
                  "Pattern for converting between text and dates: Java DateTimeFormatter"
                      + " (yyyy-MM-dd) or Python strftime (%Y-%m-%d). Default ISO-8601"
                      + " (2020-01-31, 2020-01-31T12:00:00).")),
          "type: typecast\ntypecast_as: date\ndate_format: '%d/%m/%Y'",
          TypecastMask::create);

  private final Target target;
  private final DateTimeFormatter format; // null: ISO-8601

  TypecastMask(Target target, DateTimeFormatter format) {
    this.target = target;
    this.format = format;
  }

  private static TypecastMask create(MaskArgs args) {
    String as = args.string("typecast_as");
    Target target = null;
    for (Target t : Target.values()) {
      if (t.name().equalsIgnoreCase(as == null ? "" : as.strip())) {
        target = t;
      }
    }
    if (target == null) {
      throw new MaskArgs.InvalidArgument(
          "typecast_as",
          "unknown type '"
              + as
              + "'; use string, integer, float, decimal, boolean, date or datetime");
    }
    return new TypecastMask(target, DateValues.formatter(args));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null) {
      return null;
    }
    try {
      return switch (target) {
        case STRING -> toText(value);
        case INTEGER -> Conversions.toLong(value, RoundingMode.DOWN);
        case FLOAT -> Conversions.toDouble(value);
        case DECIMAL -> Conversions.toDecimal(value);
        case BOOLEAN -> Conversions.toBoolean(value);
        case DATE ->
            format != null && value instanceof String s ? parseDate(s) : Conversions.toDate(value);
        case DATETIME ->
            format != null && value instanceof String s
                ? parseDateTime(s)
                : Conversions.toDateTime(value);
      };
    } catch (Conversions.Failed e) {
      throw failure(value, target.name().toLowerCase(Locale.ROOT), e.getMessage());
    }
  }

  @Override
  public OutputShape shape() {
    return switch (target) {
      case STRING -> OutputShape.text(-1);
      case INTEGER -> new OutputShape(OutputShape.Kind.INTEGER, 20);
      case FLOAT, DECIMAL -> OutputShape.of(OutputShape.Kind.DECIMAL);
      case BOOLEAN -> OutputShape.of(OutputShape.Kind.BOOLEAN);
      case DATE -> OutputShape.of(OutputShape.Kind.DATE);
      case DATETIME -> OutputShape.of(OutputShape.Kind.DATETIME);
    };
  }

  private String toText(Object value) {
    if (format != null
        && (value instanceof LocalDate
            || value instanceof LocalDateTime
            || value instanceof OffsetDateTime)) {
      try {
        return format.format((TemporalAccessor) value);
      } catch (DateTimeException e) {
        throw failure(value, "string", "make date_format fit the value (a date has no time)");
      }
    }
    return Conversions.toText(value);
  }

  private LocalDate parseDate(String text) {
    try {
      return format.parse(text.strip(), LocalDate::from);
    } catch (DateTimeException e) {
      throw failure(text, "date", "check the text against date_format");
    }
  }

  private LocalDateTime parseDateTime(String text) {
    try {
      TemporalAccessor parsed =
          format.parseBest(
              text.strip(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      return Conversions.toDateTime(parsed);
    } catch (DateTimeException e) {
      throw failure(text, "datetime", "check the text against date_format");
    }
  }

  private static GuiseException failure(Object value, String to, String hint) {
    // the value itself is never put in the message: it is the data being masked
    return new GuiseException(
        ErrorCode.RUN_FAILED,
        NAME
            + " - cannot convert a "
            + value.getClass().getSimpleName()
            + " value to "
            + to
            + "; "
            + hint);
  }

  /** Translates a Python strftime pattern to a Java one; a pattern without '%' is Java already. */
  static String javaPattern(String format) {
    if (format.indexOf('%') < 0) {
      return format;
    }
    StringBuilder out = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        literal.append(c);
        continue;
      }
      if (i + 1 >= format.length()) {
        throw new MaskArgs.InvalidArgument(
            "date_format",
            "the pattern ends with a lone '%'; write '%%' for a literal percent sign");
      }
      char d = format.charAt(++i);
      if (d == '%') {
        literal.append('%');
        continue;
      }
      String java =
          switch (d) {
            case 'Y' -> "uuuu";
            case 'y' -> "uu";
            case 'm' -> "MM";
            case 'd' -> "dd";
            case 'H' -> "HH";
            case 'I' -> "hh";
            case 'M' -> "mm";
            case 'S' -> "ss";
            case 'f' -> "SSSSSS";
            case 'p' -> "a";
            case 'b', 'h' -> "MMM";
            case 'B' -> "MMMM";
            case 'a' -> "EEE";
            case 'A' -> "EEEE";
            case 'j' -> "DDD";
            case 'z' -> "xx";
            case 'F' -> "uuuu-MM-dd";
            case 'T' -> "HH:mm:ss";
            default ->
                throw new MaskArgs.InvalidArgument(
                    "date_format",
                    "'%"
                        + d
                        + "' is not supported; use %Y %y %m %d %H %I %M %S %f %p %b %B %a %A %j %z %F"
                        + " %T, or a Java pattern");
          };
      quote(out, literal);
      out.append(java);
    }
    quote(out, literal);
    return out.toString();
  }

  private static void quote(StringBuilder out, StringBuilder literal) {
    if (literal.length() > 0) {
      out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
      literal.setLength(0);
    }
  }
}
