package dev.guise.cli;

import dev.guise.files.ParquetCodecs;
import dev.guise.files.ParquetPages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** Writes Parquet files for tests with parquet-java's writer, and reads them back (no Hadoop). */
final class ParquetFiles {
  /** A file's schema, codec and records. */
  record Read(MessageType schema, CompressionCodecName codec, List<Group> rows) {}

  private ParquetFiles() {}

  static void write(Path file, MessageType schema, CompressionCodecName codec, List<Group> rows)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withConf(new PlainParquetConfiguration())
            .withCodecFactory(new ParquetCodecs())
            .withCompressionCodec(codec)
            .build()) {
      for (Group g : rows) {
        w.write(g);
      }
    }
  }

  /** Reads a file back with Guise's page reader and parquet-java's record assembly. */
  static Read read(Path file) throws IOException {
    try (ParquetPages r = new ParquetPages(file)) {
      MessageType schema = r.footer().getFileMetaData().getSchema();
      CompressionCodecName codec =
          r.footer().getBlocks().isEmpty()
              ? null
              : r.footer().getBlocks().get(0).getColumns().get(0).getCodec();
      List<Group> rows = new ArrayList<>();
      var io = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore pages;
      while ((pages = r.nextRowGroup()) != null) {
        RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(rr.read());
        }
      }
      return new Read(schema, codec, rows);
    }
  }
}
