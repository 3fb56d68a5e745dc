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
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * A Parquet file's footer and its row groups' pages, read with parquet-java's format classes and
 * handed to its record assembly as a {@link PageReadStore}. parquet-java's own file reader cannot
 * be used without Hadoop: its read options build a Hadoop codec factory whatever factory is given.
 * Pages are read from the file, and decompressed, as the record reader asks for them: memory holds
 * a page per column, not a row group.
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

  /**
   * One column chunk's pages, each read from the file (and decompressed) when the record reader
   * comes to it: a column holds one page in memory, whatever the row group's size.
   */
  private PageReader chunk(ColumnChunkMetaData c, ColumnDescriptor column) throws IOException {
    long start = c.getStartingPos();
    long end = start + c.getTotalSize();
    if (start < 4 || end > in.size() - 8) {
      throw new Damaged("a column chunk lies outside the file");
    }
    CompressionCodecFactory.BytesInputDecompressor codec = codecs.getDecompressor(c.getCodec());
    long[] pos = {start};
    Pending first = pending(pos, end);
    DictionaryPage dictionary = null;
    Pending firstData = first;
    if (first != null && first.header().getType() == PageType.DICTIONARY_PAGE) {
      DictionaryPageHeader d = first.header().getDictionary_page_header();
      dictionary =
          new DictionaryPage(
              codec.decompress(
                  BytesInput.from(first.body()), first.header().getUncompressed_page_size()),
              d.getNum_values(),
              converter.getEncoding(d.getEncoding()));
      firstData = null;
    }
    DictionaryPage dict = dictionary;
    Pending[] held = {firstData};
    return new PageReader() {
      @Override
      public DictionaryPage readDictionaryPage() {
        return dict;
      }

      @Override
      public long getTotalValueCount() {
        return c.getValueCount();
      }

      @Override
      public DataPage readPage() {
        try {
          Pending p = held[0] != null ? held[0] : pending(pos, end);
          held[0] = null;
          while (p != null
              && p.header().getType() != PageType.DATA_PAGE
              && p.header().getType() != PageType.DATA_PAGE_V2) {
            p = pending(pos, end); // index pages hold nothing to mask
          }
          return p == null ? null : page(p, codec, column);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  /** The page at {@code pos[0]} (which moves past it), or null at the chunk's end. */
  private Pending pending(long[] pos, long end) throws IOException {
    if (pos[0] >= end) {
      return null;
    }
    // a page header is small, but may hold statistics: widen the window until it parses
    for (int window = 256; ; window *= 4) {
      int n = (int) Math.min(window, end - pos[0]);
      ByteBuffer b = read(pos[0], n);
      ByteArrayInputStream stream = new ByteArrayInputStream(b.array(), 0, n);
      PageHeader h;
      try {
        h = Util.readPageHeader(stream);
      } catch (IOException e) {
        if (n < end - pos[0] && window < (64 << 20)) {
          continue;
        }
        throw e;
      }
      long body = pos[0] + (n - stream.available());
      int size = h.getCompressed_page_size();
      if (size < 0 || body + size > end) {
        throw new Damaged("a page lies outside its column chunk");
      }
      pos[0] = body + size;
      return new Pending(h, read(body, size).array());
    }
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
    if (h.getType() == PageType.DATA_PAGE) {
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
