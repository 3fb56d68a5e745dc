package dev.guise.files;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression in pure Java: Snappy, Zstandard and LZ4 (raw) by aircompressor, gzip by
 * the JDK. parquet-java's own codec factory goes through Hadoop's codec classes (and native Snappy
 * and zstd-jni), which Guise does not ship.
 */
public final class ParquetCodecs implements CompressionCodecFactory {
  /** The codecs read and written; LZO, Brotli and Hadoop-framed LZ4 are not. */
  static final Set<CompressionCodecName> SUPPORTED =
      Set.of(
          CompressionCodecName.UNCOMPRESSED,
          CompressionCodecName.SNAPPY,
          CompressionCodecName.ZSTD,
          CompressionCodecName.LZ4_RAW,
          CompressionCodecName.GZIP);

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new Codec(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new Codec(codec);
  }

  @Override
  public void release() {}

  /** The codec's name as messages give it, e.g. {@code lzo}. */
  static String name(CompressionCodecName codec) {
    return codec.name().toLowerCase(Locale.ROOT);
  }

  /** One codec, both ways; stateless but for the airlift (de)compressors, which are reusable. */
  private static final class Codec implements BytesInputCompressor, BytesInputDecompressor {
    private final CompressionCodecName codec;
    private final Compressor compressor;
    private final Decompressor decompressor;

    Codec(CompressionCodecName codec) {
      if (!SUPPORTED.contains(codec)) {
        throw new UnsupportedOperationException(name(codec));
      }
      this.codec = codec;
      switch (codec) {
        case SNAPPY -> {
          compressor = new SnappyCompressor();
          decompressor = new SnappyDecompressor();
        }
        case ZSTD -> {
          compressor = new ZstdCompressor();
          decompressor = new ZstdDecompressor();
        }
        case LZ4_RAW -> {
          compressor = new Lz4Compressor();
          decompressor = new Lz4Decompressor();
        }
        default -> {
          compressor = null;
          decompressor = null;
        }
      }
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      byte[] in = bytes(bytes);
      if (codec == CompressionCodecName.UNCOMPRESSED) {
        return BytesInput.from(in);
      }
      if (codec == CompressionCodecName.GZIP) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
          gz.write(in);
        }
        return BytesInput.from(out.toByteArray());
      }
      byte[] out = new byte[compressor.maxCompressedLength(in.length)];
      int n = compressor.compress(in, 0, in.length, out, 0, out.length);
      return BytesInput.from(out, 0, n);
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      byte[] in = bytes(bytes);
      return BytesInput.from(decompress(in, 0, in.length, decompressedSize));
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.get(in);
      output.put(decompress(in, 0, compressedSize, decompressedSize));
    }

    private byte[] decompress(byte[] in, int off, int len, int size) throws IOException {
      if (codec == CompressionCodecName.UNCOMPRESSED) {
        return Arrays.copyOfRange(in, off, off + len);
      }
      byte[] out = new byte[size];
      if (codec == CompressionCodecName.GZIP) {
        try (InputStream gz =
            new GZIPInputStream(new java.io.ByteArrayInputStream(in, off, len), 1 << 16)) {
          int n = gz.readNBytes(out, 0, size);
          if (n != size) {
            throw new IOException("a gzip page is shorter than its header says");
          }
        }
        return out;
      }
      try {
        int n = decompressor.decompress(in, off, len, out, 0, size);
        if (n != size) {
          throw new IOException("a " + name(codec) + " page is shorter than its header says");
        }
      } catch (RuntimeException e) {
        throw new IOException("a " + name(codec) + " page cannot be decompressed", e);
      }
      return out;
    }

    private static byte[] bytes(BytesInput b) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) b.size());
      b.writeAllTo(out);
      return out.toByteArray();
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {}
  }
}
