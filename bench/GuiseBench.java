import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <p>Run from the project root (see README "Benchmark"): {@code bench/run.sh [options]}, which
 * builds the jar if needed and runs {@code java -cp target/guise.jar bench/GuiseBench.java}.
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
  // 10,000 measured faster than the CLI default of 50,000 here (fewer GC pauses); see RESULTS.md
  private String batchSize = "10000";
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
        case "--batch-size" -> b.batchSize = args[++i];
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
    if (!b.mask.equals("format") && !b.mask.equals("hash")) {
      System.err.println("--mask is format or hash");
      System.exit(2);
    }
    b.run();
  }

  private static void usage() {
    System.out.println(
        """
        bench/run.sh [--engines postgres,mariadb] [--rows N] [--xmx 256m] [--mask format|hash]
                     [--batch-size N] [--jvm-arg ARG]... [--skip-baseline] [--keep]
                     [--postgres-url URL] [--mariadb-url URL] [--database guise_bench]
        Defaults: both engines, 1,000,000 rows, -Xmx256m, from_format_string masks,
        batch size 10,000 (the CLI's default is 50,000); the database guise_bench is created on each
        server and dropped afterwards.""");
  }

  private void run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores (availableProcessors), java %s, %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name"));
    System.out.printf(
        Locale.ROOT, "rows: %,d   guise heap: -Xmx%s   masks: %s%n%n", rows, xmx, mask);
    List<String[]> summary = new ArrayList<>();
    for (String engine : engines.split(",")) {
      Engine e =
          switch (engine.strip()) {
            case "postgres" -> new Postgres(pgUrl, database);
            case "mariadb" -> new MariaDb(mariaUrl, database);
            default -> throw new IllegalArgumentException("unknown engine " + engine);
          };
      summary.add(bench(e));
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

  private String[] bench(Engine e) throws Exception {
    System.out.println("== " + e.name());
    e.createDatabase();
    try {
      double baseline = Double.NaN;
      if (!skipBaseline) {
        long t0 = System.nanoTime();
        e.createCustomers(rows);
        System.out.printf(Locale.ROOT, "  loaded %,d rows in %.1f s%n", rows, secs(t0));
        t0 = System.nanoTime();
        e.baselineUpdate();
        baseline = secs(t0);
        System.out.printf(
            Locale.ROOT,
            "  baseline (one UPDATE ... md5()): %.2f s, %,.0f rows/s%n",
            baseline,
            rows / baseline);
      }
      long t0 = System.nanoTime();
      e.createCustomers(rows);
      System.out.printf(Locale.ROOT, "  fresh copy: %,d rows in %.1f s%n", rows, secs(t0));
      GuiseResult g = runGuise(e);
      e.checkMasked(rows);
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

  private GuiseResult runGuise(Engine e) throws IOException, InterruptedException {
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
            dir.resolve("runs").toString()));
    if (batchSize != null) {
      cmd.add("--batch-size");
      cmd.add(batchSize);
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
    StringBuilder sb = new StringBuilder("version: '1.0'\ntasks:\n");
    sb.append("  - type: mask_table\n    table: customers\n    key: id\n    rules:\n");
    for (String col : List.of("first_name", "last_name", "email")) {
      sb.append("      - column: ").append(col).append('\n');
      sb.append("        hash_columns: [").append(col).append("]\n");
      sb.append("        masks:\n");
      if (mask.equals("hash")) {
        sb.append("          - type: hash\n            length: 32\n");
      } else {
        String format =
            col.equals("email") ? "{[a-z],10}.{[a-z],8}@example.com" : "{[A-Z]}{[a-z],9}";
        sb.append("          - type: from_format_string\n")
            .append("            value_format: \"")
            .append(format)
            .append("\"\n");
      }
    }
    return sb.toString();
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

  /** What the benchmark needs of a server. */
  /** A server: the benchmark's database on it is created and dropped through the admin URL. */
  abstract static class Engine {
    final String adminUrl;
    final String db;

    Engine(String adminUrl, String db) {
      this.adminUrl = adminUrl;
      this.db = db;
    }

    abstract String name();

    /** The admin URL with the benchmark's database in place of the admin one. */
    private String dbUrl() {
      return adminUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + db);
    }

    String guiseUrl() {
      return dbUrl();
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(dbUrl());
    }

    void createDatabase() throws SQLException {
      try (Connection c = DriverManager.getConnection(adminUrl);
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + db);
        st.execute("CREATE DATABASE " + db);
      }
    }

    void dropDatabase() throws SQLException {
      try (Connection c = DriverManager.getConnection(adminUrl);
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + db);
      }
    }

    /** Drops and recreates {@code customers} with {@code n} rows, statistics and a checkpoint. */
    abstract void createCustomers(long n) throws SQLException;

    abstract void baselineUpdate() throws SQLException;


    /** Fails unless guise changed every row's three columns. */
    void checkMasked(long n) throws SQLException {
      try (Connection c = connect();
          Statement st = c.createStatement();
          var rs =
              st.executeQuery(
                  "SELECT count(*) FROM customers WHERE first_name LIKE 'first%'"
                      + " OR last_name LIKE 'last%' OR email LIKE '%@mail.test'")) {
        rs.next();
        long left = rs.getLong(1);
        if (left != 0) {
          throw new IllegalStateException(left + " rows were not masked");
        }
      }
    }
  }

  static final class Postgres extends Engine {
    Postgres(String adminUrl, String db) {
      super(adminUrl, db);
    }

    @Override
    String name() {
      return "postgres";
    }

    @Override
    void createCustomers(long n) throws SQLException {
      try (Connection c = connect();
          Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS customers");
        st.execute(
            "CREATE TABLE customers (id bigint PRIMARY KEY, first_name varchar(100),"
                + " last_name varchar(100), email varchar(255), phone varchar(32), dob date,"
                + " ssn char(11), notes varchar(500))");
        st.execute(
            ("INSERT INTO customers SELECT g, 'first' || (g %% 5000), 'last' || (g %% 20000),"
                    + " 'user' || g || '@mail.test', '+1-555-' || lpad((g %% 10000000)::text, 7,"
                    + " '0'), date '1940-01-01' + (g * 7919 %% 25000)::int,"
                    + " lpad((g %% 1000)::text, 3, '0') || '-' || lpad((g %% 100)::text, 2, '0')"
                    + " || '-' || lpad((g %% 10000)::text, 4, '0'), 'customer note ' || md5(g::text)"
                    + " FROM generate_series(1::bigint, %d) AS g")
                .formatted(n));
        st.execute("VACUUM ANALYZE customers");
        st.execute("CHECKPOINT");
      }
    }

    @Override
    void baselineUpdate() throws SQLException {
      try (Connection c = connect();
          Statement st = c.createStatement()) {
        st.executeUpdate(
            "UPDATE customers SET first_name = md5(first_name), last_name = md5(last_name),"
                + " email = md5(email)");
      }
    }
  }

  static final class MariaDb extends Engine {
    MariaDb(String adminUrl, String db) {
      super(adminUrl, db);
    }

    @Override
    String name() {
      return "mariadb";
    }

    @Override
    void createCustomers(long n) throws SQLException {
      try (Connection c = connect();
          Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS customers");
        st.execute(
            "CREATE TABLE customers (id bigint PRIMARY KEY, first_name varchar(100),"
                + " last_name varchar(100), email varchar(255), phone varchar(32), dob date,"
                + " ssn char(11), notes varchar(500)) ENGINE=InnoDB");
        // the Sequence engine's seq_1_to_N table generates the row numbers in the server
        st.execute(
            ("INSERT INTO customers SELECT seq, concat('first', seq %% 5000),"
                    + " concat('last', seq %% 20000), concat('user', seq, '@mail.test'),"
                    + " concat('+1-555-', lpad(seq %% 10000000, 7, '0')),"
                    + " date '1940-01-01' + interval (seq * 7919 %% 25000) day,"
                    + " concat(lpad(seq %% 1000, 3, '0'), '-', lpad(seq %% 100, 2, '0'), '-',"
                    + " lpad(seq %% 10000, 4, '0')), concat('customer note ', md5(seq))"
                    + " FROM seq_1_to_%d")
                .formatted(n));
        st.execute("ANALYZE TABLE customers");
      }
    }

    @Override
    void baselineUpdate() throws SQLException {
      try (Connection c = connect();
          Statement st = c.createStatement()) {
        st.executeUpdate(
            "UPDATE customers SET first_name = md5(first_name), last_name = md5(last_name),"
                + " email = md5(email)");
      }
    }
  }
}
