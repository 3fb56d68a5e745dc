package dev.guise.files;

import dev.guise.db.ColumnValues;
import dev.guise.schema.ColumnInfo;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
      columns.add(ParquetTypes.column(p));
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
        values[i] =
            g.getFieldRepetitionCount(i) == 0 ? null : ParquetTypes.value(g, i, types.get(i));
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
            ParquetTypes.add(g, i, types.get(i), v);
          }
        } else if (row.raw().getFieldRepetitionCount(i) > 0) {
          ParquetTypes.copy(row.raw(), g, i, types.get(i));
        }
      }
      out.write(g);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
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
