package dev.guise.files;

import dev.guise.db.ColumnValues;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A flat Parquet file read record by record, its columns typed as a database column of the same
 * type would be ({@code INT64} a {@code Long}, {@code DATE} a {@code LocalDate}, {@code DECIMAL} a
 * {@code BigDecimal}, ...), and written back with the same schema, one value at a time. Read and
 * written through parquet-java's Hadoop-free API; pages are (de)compressed by {@link
 * ParquetCodecs}. A row group is held in memory while it is read, and the output's row groups are
 * {@link #ROW_GROUP_BYTES} at most.
 */
public final class ParquetFile implements Closeable {
  /** The written row groups' size: a few of them fit a small heap. */
  public static final int ROW_GROUP_BYTES = 8 << 20;

  private static final long JULIAN_EPOCH_DAY = 2_440_588;

  /** Why a file cannot be masked; the message names the column, never a value. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One record: the values as read (copied as they are) and as masks see them. */
  public record Row(Group raw, Object[] values) {}

  private final ParquetPages pages;
  private final MessageType schema;
  private final MessageColumnIO io;
  private final List<PrimitiveType> types = new ArrayList<>();
  private final List<ColumnInfo> columns = new ArrayList<>();
  private final CompressionCodecName codec;
  private RecordReader<Group> records;
  private long left;

  private ParquetFile(ParquetPages pages) {
    this.pages = pages;
    this.schema = pages.footer().getFileMetaData().getSchema();
    for (Type t : schema.getFields()) {
      if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
        throw new Refused(
            "column '"
                + t.getName()
                + "' is "
                + (t.isPrimitive() ? "repeated" : "nested (a group, list or map)")
                + "; Guise masks flat Parquet files only",
            null);
      }
      PrimitiveType p = t.asPrimitiveType();
      types.add(p);
      columns.add(column(p));
    }
    this.io = new ColumnIOFactory().getColumnIO(schema);
    List<BlockMetaData> groups = pages.footer().getBlocks();
    this.codec =
        groups.isEmpty() || groups.get(0).getColumns().isEmpty()
            ? CompressionCodecName.SNAPPY
            : groups.get(0).getColumns().get(0).getCodec();
    for (BlockMetaData g : groups) {
      for (var c : g.getColumns()) {
        if (!ParquetCodecs.SUPPORTED.contains(c.getCodec())) {
          throw new Refused(
              "is compressed with "
                  + ParquetCodecs.name(c.getCodec())
                  + ", which Guise does not read; rewrite it with snappy, zstd, gzip, lz4_raw or"
                  + " none",
              null);
        }
      }
    }
  }

  /**
   * Opens the file and reads its footer.
   *
   * @throws Refused when it is no Parquet file, is damaged, or has a column Guise cannot mask
   */
  public static ParquetFile open(Path path) throws IOException {
    ParquetPages pages;
    try {
      pages = new ParquetPages(path);
    } catch (ParquetPages.Damaged e) {
      throw new Refused(e.getMessage(), e);
    }
    try {
      return new ParquetFile(pages);
    } catch (RuntimeException e) {
      pages.close();
      throw e;
    }
  }

  /** The file's columns as rules see them, in order. */
  public List<ColumnInfo> columns() {
    return List.copyOf(columns);
  }

  /** The file's records, from the footer. */
  public long rows() {
    return pages.footer().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
  }

  /** The next record, or null at the end. */
  public Row next() {
    try {
      while (left == 0) {
        PageReadStore group = pages.nextRowGroup();
        if (group == null) {
          return null;
        }
        left = group.getRowCount();
        records = io.getRecordReader(group, new GroupRecordConverter(schema));
      }
      Group g = records.read();
      left--;
      Object[] values = new Object[types.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = g.getFieldRepetitionCount(i) == 0 ? null : value(g, i, types.get(i));
      }
      return new Row(g, values);
    } catch (IOException | RuntimeException e) {
      throw new Refused("a page cannot be read: the file is damaged or truncated", e);
    }
  }

  /** A writer of files with this file's schema, codec and key-value metadata. */
  public Writer writer(OutputStream out) throws IOException {
    Map<String, String> meta =
        new HashMap<>(pages.footer().getFileMetaData().getKeyValueMetaData());
    meta.remove("writer.model.name");
    ParquetWriter<Group> w =
        ExampleParquetWriter.builder(
                new StreamOutput(out == null ? OutputStream.nullOutputStream() : out))
            .withType(schema)
            .withConf(new PlainParquetConfiguration())
            .withCodecFactory(new ParquetCodecs())
            .withCompressionCodec(codec)
            .withRowGroupSize((long) ROW_GROUP_BYTES)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withExtraMetaData(meta)
            .build();
    return new Writer(w);
  }

  @Override
  public void close() throws IOException {
    pages.close();
  }

  /** Writes records: the columns no rule wrote as they were read, the others converted back. */
  public final class Writer implements Closeable {
    private final ParquetWriter<Group> out;

    private Writer(ParquetWriter<Group> out) {
      this.out = out;
    }

    /**
     * @param written the indexes of the columns whose values {@code values} holds, in its order
     * @param values the masked values, or null when the row keeps all its values (copied)
     * @throws Refused naming the column when a value does not fit its type
     */
    public void write(Row row, int[] written, Object[] values) throws IOException {
      int[] slot = new int[types.size()];
      java.util.Arrays.fill(slot, -1);
      for (int w = 0; values != null && w < written.length; w++) {
        slot[written[w]] = w;
      }
      Group g = new SimpleGroup(schema);
      for (int i = 0; i < types.size(); i++) {
        if (slot[i] >= 0) {
          Object v = values[slot[i]];
          try {
            v = ColumnValues.coerce(v, columns.get(i));
          } catch (ColumnValues.DoesNotFit e) {
            throw new Refused("column '" + columns.get(i).name() + "' - " + e.getMessage(), null);
          }
          if (v != null) {
            add(g, i, types.get(i), v);
          }
        } else if (row.raw().getFieldRepetitionCount(i) > 0) {
          copy(row.raw(), g, i, types.get(i));
        }
      }
      out.write(g);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** The column as a database column of its type would be introspected. */
  private static ColumnInfo column(PrimitiveType p) {
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

  private static Refused unsupported(String name, String what) {
    return new Refused(
        "column '" + name + "' is of type " + what + ", which Guise does not mask yet", null);
  }

  /** The value as a database driver of the column's type would give it. */
  private static Object value(Group g, int i, PrimitiveType p) {
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
  private static void add(Group g, int i, PrimitiveType p, Object v) {
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
  private static void copy(Group from, Group to, int i, PrimitiveType p) {
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

  private static Refused doesNotFit(String column, String what) {
    return new Refused(
        "column '"
            + column
            + "' - a mask produced "
            + what
            + ", which the column's type cannot hold; use typecast or a mask of the column's type",
        null);
  }

  /** The masked file goes to a stream (the destination's temporary file, or nowhere). */
  private static final class StreamOutput implements org.apache.parquet.io.OutputFile {
    private final OutputStream out;

    StreamOutput(OutputStream out) {
      this.out = out;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        private long pos;

        @Override
        public long getPos() {
          return pos;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          pos += len;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.flush(); // the destination file is closed by its owner
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
