package dev.guise.files;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * A Parquet file's footer and its row groups' pages, read with parquet-java's format classes and
 * handed to its record assembly as a {@link PageReadStore}. parquet-java's own file reader cannot
 * be used without Hadoop: its read options build a Hadoop codec factory whatever factory is given.
 * One row group's compressed column chunks are in memory at a time; pages are decompressed as the
 * record reader asks for them.
 */
public final class ParquetPages implements AutoCloseable {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTED = "PARE".getBytes(StandardCharsets.US_ASCII);

  private final FileChannel in;
  private final ParquetMetadata footer;
  private final ParquetMetadataConverter converter = new ParquetMetadataConverter();
  private final CompressionCodecFactory codecs = new ParquetCodecs();
  private int next;

  /** Why the file cannot be read as Parquet; the message quotes none of its bytes. */
  public static final class Damaged extends IOException {
    private static final long serialVersionUID = 1L;

    Damaged(String message) {
      super(message);
    }
  }

  /**
   * Opens the file and reads its footer.
   *
   * @throws Damaged when it is no Parquet file, an encrypted one, or its footer is damaged
   */
  public ParquetPages(Path path) throws IOException {
    this.in = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long size = in.size();
      if (size < 12) {
        throw new Damaged("is not a Parquet file (too short)");
      }
      ByteBuffer tail = read(size - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
      int length = tail.getInt();
      byte[] magic = new byte[4];
      tail.get(magic);
      if (java.util.Arrays.equals(magic, ENCRYPTED)) {
        throw new Damaged("is an encrypted Parquet file, which Guise does not read");
      }
      if (!java.util.Arrays.equals(magic, MAGIC) || length <= 0 || length > size - 12) {
        throw new Damaged("is not a Parquet file, or its footer is damaged");
      }
      ByteBuffer meta = read(size - 8 - length, length);
      this.footer =
          converter.fromParquetMetadata(
              Util.readFileMetaData(
                  new ByteArrayInputStream(meta.array(), meta.arrayOffset(), length)));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e instanceof Damaged d
          ? d
          : new Damaged("is not a Parquet file, or its footer is damaged");
    }
  }

  public ParquetMetadata footer() {
    return footer;
  }

  /** The next row group's pages, or null after the last. */
  public PageReadStore nextRowGroup() throws IOException {
    if (next >= footer.getBlocks().size()) {
      return null;
    }
    BlockMetaData block = footer.getBlocks().get(next++);
    Map<String, ColumnChunkMetaData> chunks = new HashMap<>();
    for (ColumnChunkMetaData c : block.getColumns()) {
      chunks.put(c.getPath().toDotString(), c);
    }
    long rows = block.getRowCount();
    return new PageReadStore() {
      @Override
      public PageReader getPageReader(ColumnDescriptor column) {
        ColumnChunkMetaData c = chunks.get(String.join(".", column.getPath()));
        if (c == null) {
          throw new IllegalStateException("a row group lacks a column chunk");
        }
        try {
          return chunk(c, column);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public long getRowCount() {
        return rows;
      }
    };
  }

  /** One column chunk's pages, read whole (compressed) and decompressed page by page. */
  private PageReader chunk(ColumnChunkMetaData c, ColumnDescriptor column) throws IOException {
    long start = c.getStartingPos();
    long size = c.getTotalSize();
    if (size > Integer.MAX_VALUE - 16 || start < 4 || start + size > in.size()) {
      throw new Damaged("a column chunk lies outside the file");
    }
    ByteBuffer bytes = read(start, (int) size);
    ByteArrayInputStream stream =
        new ByteArrayInputStream(bytes.array(), bytes.arrayOffset(), (int) size);
    CompressionCodecFactory.BytesInputDecompressor codec = codecs.getDecompressor(c.getCodec());
    Deque<Pending> pages = new ArrayDeque<>();
    DictionaryPage dictionary = null;
    long values = 0;
    while (values < c.getValueCount()) {
      PageHeader h = Util.readPageHeader(stream);
      int compressed = h.getCompressed_page_size();
      byte[] body = stream.readNBytes(compressed);
      if (body.length != compressed) {
        throw new EOFException("a page is cut short");
      }
      switch (h.getType()) {
        case DICTIONARY_PAGE -> {
          DictionaryPageHeader d = h.getDictionary_page_header();
          dictionary =
              new DictionaryPage(
                  codec.decompress(BytesInput.from(body), h.getUncompressed_page_size()),
                  d.getNum_values(),
                  converter.getEncoding(d.getEncoding()));
        }
        case DATA_PAGE -> {
          values += h.getData_page_header().getNum_values();
          pages.add(new Pending(h, body));
        }
        case DATA_PAGE_V2 -> {
          values += h.getData_page_header_v2().getNum_values();
          pages.add(new Pending(h, body));
        }
        default -> {} // index pages hold nothing to mask
      }
    }
    DictionaryPage dict = dictionary;
    long total = values;
    return new PageReader() {
      @Override
      public DictionaryPage readDictionaryPage() {
        return dict;
      }

      @Override
      public long getTotalValueCount() {
        return total;
      }

      @Override
      public DataPage readPage() {
        Pending p = pages.poll();
        try {
          return p == null ? null : page(p, codec, column);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  /** A data page as read: decompressed only when the record reader comes to it. */
  private record Pending(PageHeader header, byte[] body) {}

  private DataPage page(
      Pending p, CompressionCodecFactory.BytesInputDecompressor codec, ColumnDescriptor column)
      throws IOException {
    PageHeader h = p.header();
    byte[] body = p.body();
    int uncompressed = h.getUncompressed_page_size();
    Statistics<?> none = Statistics.getBuilderForReading(column.getPrimitiveType()).build();
    if (h.getType() == org.apache.parquet.format.PageType.DATA_PAGE) {
      DataPageHeader d = h.getData_page_header();
      return new DataPageV1(
          codec.decompress(BytesInput.from(body), uncompressed),
          d.getNum_values(),
          uncompressed,
          none,
          converter.getEncoding(d.getRepetition_level_encoding()),
          converter.getEncoding(d.getDefinition_level_encoding()),
          converter.getEncoding(d.getEncoding()));
    }
    DataPageHeaderV2 d = h.getData_page_header_v2();
    int rl = d.getRepetition_levels_byte_length();
    int dl = d.getDefinition_levels_byte_length();
    BytesInput data = BytesInput.from(body, rl + dl, body.length - rl - dl);
    if (!d.isSetIs_compressed() || d.isIs_compressed()) {
      data = codec.decompress(data, uncompressed - rl - dl);
    }
    return DataPageV2.uncompressed(
        d.getNum_rows(),
        d.getNum_nulls(),
        d.getNum_values(),
        BytesInput.from(body, 0, rl),
        BytesInput.from(body, rl, dl),
        converter.getEncoding(d.getEncoding()),
        data,
        none);
  }

  private ByteBuffer read(long position, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining()) {
      if (in.read(b, position + b.position()) < 0) {
        throw new EOFException("the file is shorter than its footer says");
      }
    }
    b.flip();
    return b;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
