import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The masking benchmark (issue 3): for each engine, creates {@code customers} with N synthetic rows
 * generated inside the database, times the engine's own single-statement {@code UPDATE ... SET
 * col = md5(col)} on three text columns (the baseline), then recreates the same table and times
 * {@code guise run} (the real jar, as a subprocess) masking the same three columns with {@code
 * hash_columns}. Prints rows/s for both, the ratio guise/baseline and guise's peak heap.
 *
 * <p>{@code --scenario keys} (issue 10) instead creates {@code customers} (N rows, text key {@code
 * CU########}) and {@code orders} (3N rows referencing it), times one md5 UPDATE of one text column
 * on each table as the baseline, then {@code guise run} masking the customer key with {@code
 * imitate_unique} and its cascade to {@code orders.customer_id}.
 *
 * <p>Run from the project root (see README "Benchmark"): {@code bench/run.sh [options]}, which
 * builds the jar if needed, compiles {@code bench/*.java} into {@code target/bench} and runs them.
 *
 * <p>Peak heap comes from the guise JVM's own GC log ({@code -Xlog:gc,gc+heap+exit}): the largest
 * "used before collection" of any GC, and the used heap at exit. Heap use only grows between
 * collections, so that maximum is the highest the heap got (to a GC region's granularity).
 *
 * <p>This file is not part of the build or the tests.
 */
public final class GuiseBench {
  private static final Pattern GC_LINE =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
  private static final Pattern EXIT_USED =
      Pattern.compile("(?:garbage-first heap|def new generation|PSYoungGen).*?used (\\d+)K");
  private static final Pattern EXIT_OLD_USED =
      Pattern.compile("(?:tenured generation|ParOldGen).*?used (\\d+)K");

  private String engines = "postgres,mariadb";
  private long rows = 1_000_000;
  private String xmx = "256m";
  private String jar = "target/guise.jar";
  private String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  private String mariaUrl = "jdbc:mariadb://127.0.0.1:3306/?user=root";
  private String database = "guise_bench";
  private String mask = "format";

  /** The --mask cases: one mask family on the three baseline columns, or a mix of them. */
  static final List<String> MASKS =
      List.of("format", "hash", "imitate", "from_file", "date", "credit_card", "json", "mixed");
  private String scenario = "masks";
  // the CLI's default (10,000), passed explicitly so that older jars are measured alike
  private String batchSize = "10000";
  private String workers;
  private boolean skipBaseline = false;
  private boolean keep = false;
  private final List<String> extraJvm = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    GuiseBench b = new GuiseBench();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--engines", "--engine" -> b.engines = args[++i];
        case "--rows" -> b.rows = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
        case "--xmx" -> b.xmx = args[++i];
        case "--jar" -> b.jar = args[++i];
        case "--postgres-url" -> b.pgUrl = args[++i];
        case "--mariadb-url" -> b.mariaUrl = args[++i];
        case "--database" -> b.database = args[++i];
        case "--mask" -> b.mask = args[++i];
        case "--scenario" -> b.scenario = args[++i];
        case "--batch-size" -> b.batchSize = args[++i];
        case "--workers" -> b.workers = args[++i];
        case "--jvm-arg" -> b.extraJvm.add(args[++i]);
        case "--skip-baseline" -> b.skipBaseline = true;
        case "--keep" -> b.keep = true;
        case "-h", "--help" -> {
          usage();
          return;
        }
        default -> {
          System.err.println("unknown option " + a);
          usage();
          System.exit(2);
        }
      }
    }
    if (!MASKS.contains(b.mask)) {
      System.err.println("--mask is one of " + String.join(", ", MASKS));
      System.exit(2);
    }
    if (!b.scenario.equals("masks") && !b.scenario.equals("keys")) {
      System.err.println("--scenario is masks or keys");
      System.exit(2);
    }
    b.run();
  }

  private static void usage() {
    System.out.println(
        """
        bench/run.sh [--engines postgres,mariadb] [--rows N] [--xmx 256m] [--mask CASE]
                     [--scenario masks|keys] [--batch-size N] [--workers N] [--jvm-arg ARG]...
                     [--skip-baseline] [--keep]
                     [--postgres-url URL] [--mariadb-url URL] [--database guise_bench]
        Defaults: both engines, 1,000,000 rows, -Xmx256m, from_format_string masks,
        batch size 10,000 (the CLI's default), the CLI's --workers (2: a 1M-row table is
        masked in two key ranges at once; --workers 1 for one); the database guise_bench is created on each
        server and dropped afterwards. --scenario keys: customers (N rows, key CU########) and
        orders (3N rows referencing it); guise masks the key with imitate_unique and its cascade,
        against one md5 UPDATE of a text column on each table.
        --mask CASE masks first_name, last_name and email (hash_columns: each itself) with:
          format (from_format_string), hash (length 32), imitate, from_file (first_names,
          last_names seeds), date (from_random_date as yyyy-MM-dd text), credit_card (on card numbers), json (each
          column holds {"v": "first12"} and the json mask masks v with from_format_string),
          mixed (first_name from_file, last_name imitate, email from_format_string).""");
  }

  private void run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores (availableProcessors), java %s, %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name"));
    System.out.printf(
        Locale.ROOT,
        "rows: %,d   guise heap: -Xmx%s   scenario: %s   masks: %s%n%n",
        rows,
        xmx,
        scenario,
        scenario.equals("keys") ? "imitate_unique" : mask);
    List<String[]> summary = new ArrayList<>();
    for (String engine : engines.split(",")) {
      summary.add(bench(BenchEngine.named(engine, pgUrl, mariaUrl, database)));
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-9s %10s %12s %10s %12s %7s %10s%n",
        "engine",
        "baseline s",
        "baseline r/s",
        "guise s",
        "guise r/s",
        "ratio",
        "peak heap");
    for (String[] s : summary) {
      System.out.printf(
          Locale.ROOT, "%-9s %10s %12s %10s %12s %7s %10s%n", (Object[]) s);
    }
  }

  private void load(BenchEngine e) throws SQLException {
    if (scenario.equals("keys")) {
      e.createKeyTables(rows);
    } else {
      e.createCustomers(rows, shape());
    }
  }

  private String[] bench(BenchEngine e) throws Exception {
    System.out.println("== " + e.name());
    e.createDatabase();
    try {
      double baseline = Double.NaN;
      if (!skipBaseline) {
        long t0 = System.nanoTime();
        load(e);
        System.out.printf(Locale.ROOT, "  loaded %,d rows in %.1f s%n", rows, secs(t0));
        t0 = System.nanoTime();
        if (scenario.equals("keys")) {
          e.baselineKeys();
        } else {
          e.baselineUpdate();
        }
        baseline = secs(t0);
        System.out.printf(
            Locale.ROOT,
            "  baseline (one UPDATE ... md5() per table): %.2f s, %,.0f rows/s%n",
            baseline,
            rows / baseline);
      }
      long t0 = System.nanoTime();
      load(e);
      System.out.printf(Locale.ROOT, "  fresh copy: %,d rows in %.1f s%n", rows, secs(t0));
      GuiseResult g = runGuise(e);
      if (scenario.equals("keys")) {
        e.checkKeys(rows);
      } else {
        e.checkMasked(rows, shape());
      }
      double ratio = g.seconds / baseline;
      System.out.printf(
          Locale.ROOT,
          "  guise run: %.2f s, %,.0f rows/s, ratio guise/baseline %.2f, peak heap %s%n",
          g.seconds,
          rows / g.seconds,
          ratio,
          g.peakHeap);
      return new String[] {
        e.name(),
        Double.isNaN(baseline) ? "-" : String.format(Locale.ROOT, "%.2f", baseline),
        Double.isNaN(baseline) ? "-" : String.format(Locale.ROOT, "%,.0f", rows / baseline),
        String.format(Locale.ROOT, "%.2f", g.seconds),
        String.format(Locale.ROOT, "%,.0f", rows / g.seconds),
        Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
        g.peakHeap
      };
    } finally {
      if (!keep) {
        e.dropDatabase();
      }
    }
  }

  private record GuiseResult(double seconds, String peakHeap) {}

  private GuiseResult runGuise(BenchEngine e) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("guise-bench");
    Path home = dir.resolve("home");
    Path ruleset = dir.resolve("ruleset.yml");
    Path connections = dir.resolve("connections.yml");
    Path gcLog = dir.resolve("gc.log");
    Files.writeString(ruleset, ruleset(), StandardCharsets.UTF_8);
    Files.writeString(
        connections,
        "version: '1.0'\nconnections:\n  bench:\n    url: '" + e.guiseUrl() + "'\n",
        StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + xmx);
    cmd.add("-Xlog:gc,gc+heap+exit:file=" + gcLog);
    cmd.addAll(extraJvm);
    cmd.addAll(
        List.of(
            "-jar",
            jar,
            "run",
            ruleset.toString(),
            "-c",
            "bench",
            "--connections",
            connections.toString(),
            "--runs-dir",
            dir.resolve("runs").toString(),
            // the table is recreated for every run; on MariaDB guise's progress (in the `guise`
            // database) outlives the benchmark's own database and remembers the last one
            "--remask"));
    if (batchSize != null) {
      cmd.add("--batch-size");
      cmd.add(batchSize);
    }
    if (workers != null) {
      cmd.add("--workers");
      cmd.add(workers);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("GUISE_HOME", home.toString());
    pb.environment().put("GUISE_RUN_SECRET", "guise benchmark run secret, not a real one");
    pb.redirectOutput(dir.resolve("guise.out").toFile());
    System.out.println("  guise: " + String.join(" ", cmd));
    long t0 = System.nanoTime();
    Process p = pb.start();
    int rc = p.waitFor();
    double seconds = secs(t0);
    if (rc != 0) {
      System.out.println(Files.readString(dir.resolve("guise.out")));
      throw new IllegalStateException("guise run exited with " + rc + " (output above)");
    }
    String peak = peakHeap(gcLog);
    if (!keep) {
      deleteTree(dir);
    } else {
      System.out.println("  kept " + dir);
    }
    return new GuiseResult(seconds, peak);
  }

  private String ruleset() {
    if (scenario.equals("keys")) {
      return """
          version: '1.0'
          tasks:
            - type: mask_table
              table: customers
              key: id
              rules:
                - column: id
                  masks:
                    - type: imitate_unique
          """;
    }
    StringBuilder sb = new StringBuilder("version: '1.0'\ntasks:\n");
    sb.append("  - type: mask_table\n    table: customers\n    key: id\n    rules:\n");
    for (String col : List.of("first_name", "last_name", "email")) {
      sb.append("      - column: ").append(col).append('\n');
      sb.append("        hash_columns: [").append(col).append("]\n");
      sb.append("        masks:\n");
      sb.append(maskYaml(mask.equals("mixed") ? MIXED.get(col) : mask, col));
    }
    return sb.toString();
  }

  /** The mixed case: a realistic choice per column. */
  private static final java.util.Map<String, String> MIXED =
      java.util.Map.of("first_name", "from_file", "last_name", "imitate", "email", "format");

  /** What the masked columns hold for the --mask case (BenchEngine#createCustomers). */
  private String shape() {
    return switch (mask) {
      case "json" -> "json";
      case "credit_card" -> "card";
      default -> "plain";
    };
  }

  private static String format(String col) {
    return col.equals("email") ? "{[a-z],10}.{[a-z],8}@example.com" : "{[A-Z]}{[a-z],9}";
  }

  /** One column's masks for a --mask case, as YAML list items. */
  private static String maskYaml(String mask, String col) {
    String i = "          ";
    return switch (mask) {
      case "hash" -> i + "- type: hash\n" + i + "  length: 32\n";
      case "credit_card" -> i + "- type: credit_card\n";
      case "json" ->
          i
              + "- type: json\n"
              + i
              + "  transforms:\n"
              + i
              + "    - path: [v]\n"
              + i
              + "      masks:\n"
              + i
              + "        - type: from_format_string\n"
              + i
              + "          value_format: \""
              + format(col)
              + "\"\n";
      case "imitate" -> i + "- type: imitate\n";
      case "from_file" ->
          i
              + "- type: from_file\n"
              + i
              + "  seed_file: "
              + (col.equals("last_name") ? "last_names" : "first_names")
              + "\n"
              + i
              + "  seed_column: "
              + (col.equals("last_name") ? "last_name" : "first_name")
              + "\n";
      case "date" ->
          i
              + "- type: from_random_date\n"
              + i
              + "  min: '1950-01-01'\n"
              + i
              + "  max: '2005-12-31'\n"
              + i
              + "  date_format: yyyy-MM-dd\n";
      default -> {
        yield i + "- type: from_format_string\n" + i + "  value_format: \"" + format(col) + "\"\n";
      }
    };
  }

  /** The highest used heap the GC log shows: before any collection, or at exit. */
  static String peakHeap(Path gcLog) throws IOException {
    long maxKb = 0;
    long committedKb = 0;
    long exitYoung = 0;
    long exitOld = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        maxKb = Math.max(maxKb, kb(m.group(1), m.group(2)));
        committedKb = Math.max(committedKb, kb(m.group(5), m.group(6)));
      }
      Matcher x = EXIT_USED.matcher(line);
      if (x.find()) {
        exitYoung = Long.parseLong(x.group(1));
      }
      Matcher o = EXIT_OLD_USED.matcher(line);
      if (o.find()) {
        exitOld = Long.parseLong(o.group(1));
      }
    }
    maxKb = Math.max(maxKb, exitYoung + exitOld);
    return String.format(Locale.ROOT, "%d MiB", (maxKb + 1023) / 1024);
  }

  private static long kb(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "G" -> v * 1024 * 1024;
      case "M" -> v * 1024;
      default -> v;
    };
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
