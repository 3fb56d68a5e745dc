package dev.guise.files;

import dev.guise.db.ColumnValues;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * How Parquet's column types meet Guise's: a primitive column as the database column of its type
 * would be introspected, its values as the Java values masks see, and masked values converted back
 * (or refused, naming the column, when they do not fit).
 */
final class ParquetTypes {
  private static final long JULIAN_EPOCH_DAY = 2_440_588;

  private ParquetTypes() {}

  /** The column as a database column of its type would be introspected. */
  static ColumnInfo column(PrimitiveType p) {
    String name = p.getName();
    boolean nullable = p.isRepetition(Type.Repetition.OPTIONAL);
    LogicalTypeAnnotation l = p.getLogicalTypeAnnotation();
    String what = p.getPrimitiveTypeName() + (l == null ? "" : " " + l);
    if (l instanceof DecimalLogicalTypeAnnotation d) {
      return new ColumnInfo(
          name,
          Types.DECIMAL,
          "DECIMAL",
          d.getPrecision(),
          d.getScale(),
          nullable,
          ColumnCategory.DECIMAL);
    }
    return switch (p.getPrimitiveTypeName()) {
      case BOOLEAN ->
          new ColumnInfo(name, Types.BOOLEAN, "BOOLEAN", 0, 0, nullable, ColumnCategory.BOOLEAN);
      case INT32 -> {
        if (l == null) {
          yield new ColumnInfo(
              name, Types.INTEGER, "INTEGER", 0, 0, nullable, ColumnCategory.INTEGER);
        }
        if (l instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          yield new ColumnInfo(name, Types.DATE, "DATE", 0, 0, nullable, ColumnCategory.DATE);
        }
        if (l instanceof TimeLogicalTypeAnnotation) {
          yield new ColumnInfo(name, Types.TIME, "TIME", 0, 0, nullable, ColumnCategory.TIME);
        }
        if (l instanceof IntLogicalTypeAnnotation i) {
          int bits = i.getBitWidth();
          int jdbc = bits == 8 ? Types.TINYINT : bits == 16 ? Types.SMALLINT : Types.INTEGER;
          String type = bits == 8 ? "TINYINT" : bits == 16 ? "SMALLINT" : "INTEGER";
          // as MySQL's TINYINT UNSIGNED etc.: ColumnInfo.integerRange() reads the name
          yield new ColumnInfo(
              name,
              jdbc,
              i.isSigned() ? type : type + " UNSIGNED",
              0,
              0,
              nullable,
              ColumnCategory.INTEGER);
        }
        throw unsupported(name, what);
      }
      case INT64 -> {
        if (l == null) {
          yield new ColumnInfo(
              name, Types.BIGINT, "BIGINT", 0, 0, nullable, ColumnCategory.INTEGER);
        }
        if (l instanceof TimestampLogicalTypeAnnotation t) {
          yield t.isAdjustedToUTC()
              ? new ColumnInfo(
                  name,
                  Types.TIMESTAMP_WITH_TIMEZONE,
                  "TIMESTAMP WITH TIME ZONE",
                  0,
                  0,
                  nullable,
                  ColumnCategory.TIMESTAMP_TZ)
              : new ColumnInfo(
                  name, Types.TIMESTAMP, "TIMESTAMP", 0, 0, nullable, ColumnCategory.TIMESTAMP);
        }
        if (l instanceof TimeLogicalTypeAnnotation) {
          yield new ColumnInfo(name, Types.TIME, "TIME", 0, 0, nullable, ColumnCategory.TIME);
        }
        if (l instanceof IntLogicalTypeAnnotation i) {
          yield i.isSigned()
              ? new ColumnInfo(name, Types.BIGINT, "BIGINT", 0, 0, nullable, ColumnCategory.INTEGER)
              : new ColumnInfo(
                  name, Types.DECIMAL, "DECIMAL", 20, 0, nullable, ColumnCategory.DECIMAL);
        }
        throw unsupported(name, what);
      }
      case INT96 ->
          new ColumnInfo(
              name, Types.TIMESTAMP, "TIMESTAMP", 0, 0, nullable, ColumnCategory.TIMESTAMP);
      case FLOAT -> new ColumnInfo(name, Types.REAL, "REAL", 0, 0, nullable, ColumnCategory.FLOAT);
      case DOUBLE ->
          new ColumnInfo(name, Types.DOUBLE, "DOUBLE", 0, 0, nullable, ColumnCategory.FLOAT);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> {
        if (l instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || l instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation) {
          yield new ColumnInfo(name, Types.VARCHAR, "VARCHAR", 0, 0, nullable, ColumnCategory.TEXT);
        }
        if (l instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          yield new ColumnInfo(name, Types.OTHER, "JSON", 0, 0, nullable, ColumnCategory.JSON);
        }
        if (l instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
          yield new ColumnInfo(name, Types.OTHER, "UUID", 0, 0, nullable, ColumnCategory.UUID);
        }
        if (l == null || l instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
          yield new ColumnInfo(
              name, Types.VARBINARY, "VARBINARY", 0, 0, nullable, ColumnCategory.BINARY);
        }
        throw unsupported(name, what);
      }
    };
  }

  private static ParquetFile.Refused unsupported(String name, String what) {
    return new ParquetFile.Refused(
        "column '" + name + "' is of type " + what + ", which Guise does not mask yet", null);
  }

  /** The value as a database driver of the column's type would give it. */
  static Object value(Group g, int i, PrimitiveType p) {
    LogicalTypeAnnotation l = p.getLogicalTypeAnnotation();
    return switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> g.getBoolean(i, 0);
      case INT32 -> {
        int v = g.getInteger(i, 0);
        if (l instanceof DecimalLogicalTypeAnnotation d) {
          yield BigDecimal.valueOf(v, d.getScale());
        }
        if (l instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          yield LocalDate.ofEpochDay(v);
        }
        if (l instanceof TimeLogicalTypeAnnotation) {
          yield LocalTime.ofNanoOfDay(v * 1_000_000L);
        }
        if (l instanceof IntLogicalTypeAnnotation t && !t.isSigned()) {
          yield Integer.toUnsignedLong(v);
        }
        yield (long) v;
      }
      case INT64 -> {
        long v = g.getLong(i, 0);
        if (l instanceof DecimalLogicalTypeAnnotation d) {
          yield BigDecimal.valueOf(v, d.getScale());
        }
        if (l instanceof TimestampLogicalTypeAnnotation t) {
          LocalDateTime dt =
              LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC).plus(v, unit(t.getUnit()));
          yield t.isAdjustedToUTC() ? dt.atOffset(ZoneOffset.UTC) : dt;
        }
        if (l instanceof TimeLogicalTypeAnnotation t) {
          yield LocalTime.MIDNIGHT.plus(v, unit(t.getUnit()));
        }
        if (l instanceof IntLogicalTypeAnnotation t && !t.isSigned()) {
          yield new BigDecimal(Long.toUnsignedString(v));
        }
        yield v;
      }
      case INT96 -> {
        ByteBuffer b = g.getInt96(i, 0).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanos = b.getLong();
        int julian = b.getInt();
        yield LocalDate.ofEpochDay(julian - JULIAN_EPOCH_DAY).atStartOfDay().plusNanos(nanos);
      }
      case FLOAT -> (double) g.getFloat(i, 0);
      case DOUBLE -> g.getDouble(i, 0);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> {
        Binary b = g.getBinary(i, 0);
        if (l instanceof DecimalLogicalTypeAnnotation d) {
          yield new BigDecimal(new BigInteger(b.getBytes()), d.getScale());
        }
        if (l instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
          ByteBuffer u = b.toByteBuffer();
          yield new UUID(u.getLong(), u.getLong()).toString();
        }
        if (l == null || l instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
          yield b.getBytes();
        }
        yield b.toStringUsingUTF8();
      }
    };
  }

  /** Adds a value of the column's category (as {@link ColumnValues} made it) in Parquet's form. */
  static void add(Group g, int i, PrimitiveType p, Object v) {
    LogicalTypeAnnotation l = p.getLogicalTypeAnnotation();
    String name = p.getName();
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> g.add(i, (Boolean) v);
      case INT32 -> {
        long n;
        if (l instanceof DecimalLogicalTypeAnnotation d) {
          n = unscaled(name, (BigDecimal) v, d).longValueExact();
        } else if (l instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          n = ((LocalDate) v).toEpochDay();
        } else if (l instanceof TimeLogicalTypeAnnotation) {
          n = ((LocalTime) v).toNanoOfDay() / 1_000_000L;
        } else {
          n = (Long) v;
          IntLogicalTypeAnnotation t = l instanceof IntLogicalTypeAnnotation x ? x : null;
          int bits = t == null ? 32 : t.getBitWidth();
          boolean signed = t == null || t.isSigned();
          long min = signed ? -(1L << (bits - 1)) : 0;
          long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
          if (n < min || n > max) {
            throw doesNotFit(
                name,
                "a number outside " + (signed ? "" : "unsigned ") + bits + "-bit integers' range");
          }
        }
        if (n < Integer.MIN_VALUE || n > 0xFFFF_FFFFL) {
          throw doesNotFit(name, "a value outside INT32's range");
        }
        g.add(i, (int) n);
      }
      case INT64 -> {
        long n;
        if (l instanceof DecimalLogicalTypeAnnotation d) {
          n = unscaled(name, (BigDecimal) v, d).longValueExact();
        } else if (l instanceof TimestampLogicalTypeAnnotation t) {
          LocalDateTime dt =
              v instanceof OffsetDateTime o
                  ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                  : (LocalDateTime) v;
          try {
            n = unit(t.getUnit()).between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), dt);
          } catch (ArithmeticException e) {
            throw doesNotFit(name, "a timestamp outside the column's range");
          }
        } else if (l instanceof TimeLogicalTypeAnnotation t) {
          n = unit(t.getUnit()).between(LocalTime.MIDNIGHT, (LocalTime) v);
        } else if (v instanceof BigDecimal u) {
          if (u.signum() < 0 || u.compareTo(new BigDecimal("18446744073709551615")) > 0) {
            throw doesNotFit(name, "a number outside unsigned 64-bit integers' range");
          }
          n = u.toBigInteger().longValue();
        } else {
          n = (Long) v;
        }
        g.add(i, n);
      }
      case INT96 -> {
        LocalDateTime dt = (LocalDateTime) v;
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(dt.toLocalTime().toNanoOfDay());
        b.putInt((int) (dt.toLocalDate().toEpochDay() + JULIAN_EPOCH_DAY));
        g.add(i, Binary.fromConstantByteArray(b.array()));
      }
      case FLOAT -> g.add(i, ((Double) v).floatValue());
      case DOUBLE -> g.add(i, (Double) v);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> {
        byte[] bytes;
        if (l instanceof DecimalLogicalTypeAnnotation d) {
          bytes = unscaled(name, (BigDecimal) v, d).toByteArray();
          if (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            bytes = signExtend(name, bytes, p.getTypeLength());
          }
        } else if (l instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
          UUID u;
          try {
            u = UUID.fromString((String) v);
          } catch (IllegalArgumentException e) {
            throw doesNotFit(name, "a text that is not a UUID");
          }
          bytes =
              ByteBuffer.allocate(16)
                  .putLong(u.getMostSignificantBits())
                  .putLong(u.getLeastSignificantBits())
                  .array();
        } else if (v instanceof byte[] raw) {
          bytes = raw;
        } else {
          bytes = ((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
            && bytes.length != p.getTypeLength()) {
          throw doesNotFit(
              name,
              "a value of "
                  + bytes.length
                  + " bytes (the column holds exactly "
                  + p.getTypeLength()
                  + ")");
        }
        g.add(i, Binary.fromConstantByteArray(bytes));
      }
    }
  }

  /**
   * Copies the column's value as it was read, bit for bit. A binary value is copied out of the page
   * it was read from: the writer's dictionary keeps the values it is given, and a slice would keep
   * its whole input page alive.
   */
  static void copy(Group from, Group to, int i, PrimitiveType p) {
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> to.add(i, from.getBoolean(i, 0));
      case INT32 -> to.add(i, from.getInteger(i, 0));
      case INT64 -> to.add(i, from.getLong(i, 0));
      case INT96 -> to.add(i, Binary.fromConstantByteArray(from.getInt96(i, 0).getBytes()));
      case FLOAT -> to.add(i, from.getFloat(i, 0));
      case DOUBLE -> to.add(i, from.getDouble(i, 0));
      case BINARY, FIXED_LEN_BYTE_ARRAY ->
          to.add(i, Binary.fromConstantByteArray(from.getBinary(i, 0).getBytes()));
    }
  }

  private static BigInteger unscaled(String name, BigDecimal d, DecimalLogicalTypeAnnotation t) {
    BigDecimal s = d.setScale(t.getScale(), RoundingMode.HALF_UP);
    if (s.precision() - s.scale() > t.getPrecision() - t.getScale()) {
      throw doesNotFit(
          name, "a number too large for DECIMAL(" + t.getPrecision() + "," + t.getScale() + ")");
    }
    return s.unscaledValue();
  }

  private static byte[] signExtend(String name, byte[] b, int length) {
    if (b.length > length) {
      throw doesNotFit(name, "a number too large for its " + length + " bytes");
    }
    byte[] out = new byte[length];
    byte fill = b.length > 0 && b[0] < 0 ? (byte) -1 : 0;
    java.util.Arrays.fill(out, 0, length - b.length, fill);
    System.arraycopy(b, 0, out, length - b.length, b.length);
    return out;
  }

  private static ChronoUnit unit(TimeUnit u) {
    return switch (u) {
      case MILLIS -> ChronoUnit.MILLIS;
      case MICROS -> ChronoUnit.MICROS;
      case NANOS -> ChronoUnit.NANOS;
    };
  }

  private static ParquetFile.Refused doesNotFit(String column, String what) {
    return new ParquetFile.Refused(
        "column '"
            + column
            + "' - a mask produced "
            + what
            + ", which the column's type cannot hold; use typecast or a mask of the column's type",
        null);
  }
}
