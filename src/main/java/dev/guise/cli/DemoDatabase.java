package dev.guise.cli;

import dev.guise.mask.seed.SeedCatalog;
import dev.guise.secret.Rng;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Builds the demo's sample schema with realistic, made-up data: customers, addresses, orders,
 * payments with card numbers, and employees with salaries and free-text notes. Deterministic, so
 * every machine gets the same demo database.
 */
final class DemoDatabase {
  static final int CUSTOMERS = 10_000;
  static final int EMPLOYEES = 500;

  private final int customerCount;

  private final Rng rng;
  private final List<String> first;
  private final List<String> last;
  private final List<String> streets;
  private final List<String[]> cities;
  private final List<String> domains;
  private final List<String> jobs;

  DemoDatabase() {
    this(CUSTOMERS);
  }

  /** A smaller (or larger) shop: orders are three per customer. */
  DemoDatabase(int customers) {
    this.customerCount = customers;
    rng = new Rng(sha256("guise demo data v1"));
    SeedCatalog seeds = SeedCatalog.builtIn(); // shared: the ruleset's from_file masks reuse it
    first = seeds.get("first_names").column("first_name");
    last = seeds.get("last_names").column("last_name");
    streets = seeds.get("street_addresses").column("street_address");
    cities = seeds.get("cities").rows();
    domains = seeds.get("email_domains").column("domain");
    jobs = seeds.get("job_titles").column("job_title");
  }

  /** Creates the tables in the connection's current schema, which must be empty (or H2). */
  void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (c.getMetaData().getURL().startsWith("jdbc:h2:")) {
        s.execute("DROP ALL OBJECTS");
      }
      s.execute(
          "CREATE TABLE customers (id BIGINT PRIMARY KEY, first_name VARCHAR(60) NOT NULL,"
              + " last_name VARCHAR(60) NOT NULL, gender CHAR(1), email VARCHAR(160), phone VARCHAR(30),"
              + " date_of_birth DATE, national_id VARCHAR(11), created_at TIMESTAMP NOT NULL,"
              + " preferences VARCHAR(400))");
      s.execute(
          "CREATE TABLE addresses (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id),"
              + " street VARCHAR(120), city VARCHAR(80), region VARCHAR(80), postcode VARCHAR(12), country VARCHAR(60))");
      s.execute(
          "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id),"
              + " order_date DATE NOT NULL, total NUMERIC(10,2) NOT NULL, delivery_notes VARCHAR(400))");
      s.execute(
          "CREATE TABLE payments (order_id BIGINT NOT NULL REFERENCES orders(id), attempt INT NOT NULL,"
              + " card_number VARCHAR(19), card_holder VARCHAR(130), card_expiry VARCHAR(5), amount NUMERIC(10,2),"
              + " PRIMARY KEY (order_id, attempt))");
      s.execute(
          "CREATE TABLE employees (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),"
              + " email VARCHAR(160), job_title VARCHAR(120), salary NUMERIC(10,2), hire_date DATE, notes VARCHAR(1000))");
    }
    customers(c);
    orders(c);
    employees(c);
    c.commit();
  }

  private void customers(Connection c) throws SQLException {
    try (PreparedStatement cu =
            c.prepareStatement("INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?,?)");
        PreparedStatement ad = c.prepareStatement("INSERT INTO addresses VALUES (?,?,?,?,?,?,?)")) {
      for (long id = 1; id <= customerCount; id++) {
        String fn = pick(first);
        String ln = pick(last);
        cu.setLong(1, id);
        cu.setString(2, fn);
        cu.setString(3, ln);
        cu.setString(4, rng.nextInt(100) < 49 ? "F" : rng.nextInt(100) < 96 ? "M" : "X");
        String email = rng.nextInt(20) == 0 ? null : email(fn, ln);
        String phone =
            rng.nextInt(10) == 0
                ? null
                : String.format("+1-%03d-555-%04d", 200 + rng.nextInt(800), rng.nextInt(10_000));
        cu.setString(5, email);
        cu.setString(6, phone);
        cu.setObject(7, LocalDate.of(1940, 1, 1).plusDays(rng.nextInt(365 * 65)));
        cu.setString(
            8,
            String.format(
                "%03d-%02d-%04d",
                1 + rng.nextInt(899), 1 + rng.nextInt(99), 1 + rng.nextInt(9999)));
        cu.setObject(
            9, LocalDateTime.of(2018, 1, 1, 0, 0).plusSeconds(rng.nextLong(6L * 365 * 86_400)));
        cu.setString(
            10,
            rng.nextInt(4) == 0
                ? null
                : "{\"contact\": {\"email\": "
                    + (email == null ? "null" : "\"" + email + "\"")
                    + ", \"phone\": "
                    + (phone == null ? "null" : "\"" + phone + "\"")
                    + "}, \"newsletter\": "
                    + rng.nextBoolean()
                    + "}");
        cu.addBatch();
        String[] city = cities.get(rng.nextInt(cities.size()));
        ad.setLong(1, id);
        ad.setLong(2, id);
        ad.setString(3, pick(streets));
        ad.setString(4, city[0]);
        ad.setString(5, city[1]);
        ad.setString(6, city[2]);
        ad.setString(7, city[3]);
        ad.addBatch();
        if (id % 2_000 == 0) {
          cu.executeBatch();
          ad.executeBatch();
        }
      }
      cu.executeBatch();
      ad.executeBatch();
    }
  }

  private static final String[] NOTES = {
    "Leave at the back door, call %s on arrival.",
    "Deliver to reception; ask for %s.",
    "Gate code 4711. %s works nights, knock loudly.",
    "",
    null,
  };

  private void orders(Connection c) throws SQLException {
    try (PreparedStatement or = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?,?)");
        PreparedStatement pa = c.prepareStatement("INSERT INTO payments VALUES (?,?,?,?,?,?)")) {
      for (long id = 1; id <= customerCount * 3L; id++) {
        BigDecimal total = BigDecimal.valueOf(500 + rng.nextInt(50_000), 2);
        or.setLong(1, id);
        or.setLong(2, 1 + rng.nextInt(customerCount));
        or.setObject(3, LocalDate.of(2019, 1, 1).plusDays(rng.nextInt(2_000)));
        or.setBigDecimal(4, total);
        String note = NOTES[rng.nextInt(NOTES.length)];
        or.setString(5, note == null || note.isEmpty() ? note : String.format(note, pick(first)));
        or.addBatch();
        int attempts = rng.nextInt(10) == 0 ? 2 : 1;
        for (int a = 1; a <= attempts; a++) {
          pa.setLong(1, id);
          pa.setInt(2, a);
          pa.setString(3, card());
          pa.setString(4, (pick(first) + " " + pick(last)).toUpperCase(Locale.ROOT));
          pa.setString(5, String.format("%02d/%02d", 1 + rng.nextInt(12), 25 + rng.nextInt(6)));
          pa.setBigDecimal(6, total);
          pa.addBatch();
        }
        if (id % 2_000 == 0) {
          or.executeBatch();
          pa.executeBatch();
        }
      }
      or.executeBatch();
      pa.executeBatch();
    }
  }

  private void employees(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO employees VALUES (?,?,?,?,?,?,?,?)")) {
      for (int id = 1; id <= EMPLOYEES; id++) {
        String fn = pick(first);
        String ln = pick(last);
        ps.setInt(1, id);
        ps.setString(2, fn);
        ps.setString(3, ln);
        ps.setString(
            4,
            (fn + "." + ln).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "")
                + "@corp.example.com");
        ps.setString(5, pick(jobs));
        ps.setBigDecimal(6, BigDecimal.valueOf(3_500_000 + rng.nextInt(12_000_000), 2));
        ps.setObject(7, LocalDate.of(2005, 1, 1).plusDays(rng.nextInt(7_000)));
        ps.setString(
            8,
            rng.nextInt(3) == 0
                ? null
                : "Performance review "
                    + (2015 + rng.nextInt(10))
                    + ": "
                    + fn
                    + " "
                    + ln
                    + " exceeded targets. Home phone +1-555-01"
                    + (10 + rng.nextInt(90))
                    + ".");
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private String email(String fn, String ln) {
    String local =
        (fn + (rng.nextBoolean() ? "." : "") + ln)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.]", "");
    return local
        + (rng.nextInt(4) == 0 ? String.valueOf(rng.nextInt(100)) : "")
        + "@"
        + pick(domains);
  }

  /** A Luhn-valid 16-digit number with a test-card prefix. */
  private String card() {
    String[] prefixes = {"4", "51", "52", "53", "54", "55"};
    StringBuilder sb = new StringBuilder(prefixes[rng.nextInt(prefixes.length)]);
    while (sb.length() < 15) {
      sb.append(rng.nextInt(10));
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      int d = sb.charAt(14 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sb.append((10 - sum % 10) % 10).toString();
  }

  private String pick(List<String> list) {
    return list.get(rng.nextInt(list.size()));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
