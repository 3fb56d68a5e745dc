import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The file masking benchmark (issue 12): generates a CSV of {@code --mb} megabytes (8 columns),
 * times reading and writing it with commons-csv and no masking (the baseline, in this JVM, the
 * format guise uses), then times {@code guise run} (the real jar, a subprocess at {@code -Xmx256m})
 * masking 3 of its columns from a source folder into a target folder. Prints MB/s for both, the
 * ratio guise/baseline in throughput, and guise's peak heap after GC from its GC log.
 *
 * <p>{@code --memory} instead masks a 100 MB and a {@code --mb} MB file at {@code -Xmx256m} and
 * compares the peak heap after GC of the two runs (the issue asks for within 10%).
 *
 * <p>Generated data lives under {@code target/csv-bench} and is not committed. Not part of the
 * build or the tests: {@code bench/csv.sh [--mb 1024] [--memory]}.
 */
public final class CsvBench {
  /** A G1 pause line: used before -> used after (capacity). */
  private static final Pattern GC_LINE =
      Pattern.compile("Pause.*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private long mb = 1024;
  private boolean memory;
  private String xmx = "256m";
  private String jar = "target/guise.jar";
  private final Path work = Path.of("target/csv-bench").toAbsolutePath();

  public static void main(String[] args) throws Exception {
    CsvBench b = new CsvBench();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mb" -> b.mb = Long.parseLong(args[++i]);
        case "--memory" -> b.memory = true;
        case "--xmx" -> b.xmx = args[++i];
        case "--jar" -> b.jar = args[++i];
        default -> {
          System.err.println(
              "usage: bench/csv.sh [--mb N (default 1024)] [--memory] [--xmx 256m] [--jar FILE]");
          System.exit(2);
        }
      }
    }
    b.run();
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    Files.writeString(
        work.resolve("connections.yml"),
        "version: '1.0'\nconnections:\n  in:\n    type: file\n    path: in\n"
            + "  out:\n    type: file\n    path: out\n");
    Files.writeString(
        work.resolve("ruleset.yml"),
        """
        version: '1.0'
        tasks:
          - type: mask_tabular_file
            rules:
              - column: email
                hash_columns: [email]
                masks:
                  - type: from_format_string
                    value_format: "{[a-z],10}@example.com"
              - column: last_name
                masks:
                  - type: from_file
                    seed_file: last_names
                    seed_column: last_name
              - column: phone
                masks:
                  - type: imitate
        """);
    if (memory) {
      Result small = guise(input(100));
      Result large = guise(input(mb));
      System.out.printf(
          Locale.ROOT,
          "peak heap after GC at -Xmx%s: %d MB input %.1f MiB, %d MB input %.1f MiB;"
              + " ratio %.3f (goal: within 10%%)%n",
          xmx,
          100,
          small.peakAfterGcMib,
          mb,
          large.peakAfterGcMib,
          large.peakAfterGcMib / small.peakAfterGcMib);
      return;
    }
    Path in = input(mb);
    long bytes = Files.size(in);
    long t0 = System.nanoTime();
    long rows = plainCopy(in, work.resolve("plain.csv"));
    double plainS = (System.nanoTime() - t0) / 1e9;
    Files.delete(work.resolve("plain.csv"));
    Result g = guise(in);
    double plainMbs = bytes / 1048576.0 / plainS;
    double guiseMbs = bytes / 1048576.0 / g.seconds;
    System.out.printf(
        Locale.ROOT,
        "%d rows, %.0f MiB: commons-csv read+write %.1f s (%.1f MB/s); guise 3 masked columns"
            + " %.1f s (%.1f MB/s); ratio guise/plain throughput %.2f (goal >= 0.5);"
            + " guise peak heap after GC %.1f MiB%n",
        rows,
        bytes / 1048576.0,
        plainS,
        plainMbs,
        g.seconds,
        guiseMbs,
        guiseMbs / plainMbs,
        g.peakAfterGcMib);
  }

  /** The generated CSV of about {@code size} MB in its own folder (made once, reused). */
  private Path input(long size) throws IOException {
    Path folder = work.resolve("in-" + size);
    Path file = folder.resolve("people.csv");
    if (Files.exists(file)) {
      return file;
    }
    Files.createDirectories(folder);
    Random rnd = new Random(42);
    String[] first = {"Ann", "Bob", "Cyd", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jon"};
    String[] cities = {"Auckland", "Wellington", "Oslo", "Lyon", "Porto", "Quito", "Austin"};
    long limit = size * 1024 * 1024;
    long written = 0;
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String header = "id,first_name,last_name,email,phone,city,amount,note\n";
      w.write(header);
      written += header.length();
      for (long id = 1; written < limit; id++) {
        String line =
            id
                + ","
                + first[rnd.nextInt(first.length)]
                + ",Surname"
                + rnd.nextInt(5000)
                + ",user"
                + rnd.nextInt(1_000_000)
                + "@corp.example,+64 21 "
                + (100000 + rnd.nextInt(900000))
                + ","
                + cities[rnd.nextInt(cities.length)]
                + ","
                + rnd.nextInt(100000) / 100.0
                + ",\"note "
                + id
                + ", with a comma\"\n";
        w.write(line);
        written += line.length();
      }
    }
    return file;
  }

  /** The baseline: every record read and written back with the format guise uses. */
  private static long plainCopy(Path in, Path out) throws IOException {
    CSVFormat f =
        CSVFormat.RFC4180.builder().setDelimiter(',').setQuote('"').setRecordSeparator("\n").get();
    long n = 0;
    try (Reader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, f);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, f)) {
      for (CSVRecord rec : p) {
        printer.printRecord((Object[]) rec.values());
        n++;
      }
    }
    return n - 1;
  }

  private record Result(double seconds, double peakAfterGcMib) {}

  private Result guise(Path input) throws Exception {
    Path out = work.resolve("out");
    deleteTree(out);
    Path conns = work.resolve("connections.yml");
    Files.writeString(
        conns,
        "version: '1.0'\nconnections:\n  in:\n    type: file\n    path: "
            + input.getParent()
            + "\n  out:\n    type: file\n    path: "
            + out
            + "\n");
    Path gcLog = work.resolve("gc.log");
    Files.deleteIfExists(gcLog);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "java",
                "-Xmx" + xmx,
                "-Xlog:gc:file=" + gcLog,
                "-jar",
                Path.of(jar).toAbsolutePath().toString(),
                "run",
                work.resolve("ruleset.yml").toString(),
                "--source",
                "in",
                "--target",
                "out",
                "--connections",
                conns.toString(),
                "--runs-dir",
                work.resolve("runs").toString(),
                "-q"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("GUISE_RUN_SECRET", "csv-bench-run-secret-0123456789");
    pb.environment().put("GUISE_HOME", work.resolve("home").toString());
    long t0 = System.nanoTime();
    Process p = pb.start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      r.lines().forEach(l -> output.append(l).append('\n'));
    }
    int code = p.waitFor();
    double secs = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      throw new IllegalStateException("guise exited " + code + ":\n" + output);
    }
    double peak = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, mib(m.group(3), m.group(4)));
      }
    }
    deleteTree(out);
    return new Result(secs, peak);
  }

  private static double mib(String n, String unit) {
    double v = Double.parseDouble(n);
    return switch (unit) {
      case "K" -> v / 1024;
      case "G" -> v * 1024;
      default -> v;
    };
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
