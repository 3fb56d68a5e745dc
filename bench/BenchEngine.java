import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A server the benchmark runs on: its database is created and dropped through the admin URL, and
 * the tables of each scenario are generated inside the database. Not part of the build or tests.
 */
abstract class BenchEngine {
  final String adminUrl;
  final String db;

  BenchEngine(String adminUrl, String db) {
    this.adminUrl = adminUrl;
    this.db = db;
  }

  static BenchEngine named(String name, String pgUrl, String mariaUrl, String db) {
    return switch (name.strip()) {
      case "postgres" -> new Postgres(pgUrl, db);
      case "mariadb" -> new MariaDb(mariaUrl, db);
      default -> throw new IllegalArgumentException("unknown engine " + name);
    };
  }

  abstract String name();

  /** The admin URL with the benchmark's database in place of the admin one. */
  String guiseUrl() {
    return adminUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + db);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(guiseUrl());
  }

  void createDatabase() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + db);
    admin("CREATE DATABASE " + db);
  }

  void dropDatabase() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + db);
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  void sql(String... statements) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  long count(String query) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Drops and recreates {@code customers} with {@code n} rows, statistics and a checkpoint.
   *
   * @param shape what first_name, last_name and email hold: "plain" ('first12', 'last34',
   *     'user1@mail.test'), "json" (each as the document {"v": "first12"}) or "card" (16-digit card
   *     numbers 4000…, 5100…, 3700… followed by the row's number)
   */
  abstract void createCustomers(long n, String shape) throws SQLException;

  /** The original of a column as an SQL text expression, from its plain form and the row number. */
  String original(String column, String number, String shape) {
    String plain =
        switch (column) {
          case "first_name" -> concat("'first'", "(" + number + " % 5000)");
          case "last_name" -> concat("'last'", "(" + number + " % 20000)");
          default -> concat("'user'", number, "'@mail.test'");
        };
    String cardPrefix =
        switch (column) {
          case "first_name" -> "4000";
          case "last_name" -> "5100";
          default -> "3700";
        };
    return switch (shape) {
      case "json" -> concat("'{\"v\": \"'", plain, "'\"}'");
      case "card" -> concat("'" + cardPrefix + "'", "lpad(" + text(number) + ", 12, '0')");
      default -> plain;
    };
  }

  /**
   * The originals of first_name, last_name and email from the row number, as the INSERT's select
   * list (with % doubled for the INSERT's format string).
   */
  String masked(String number, String shape) {
    return String.join(
            ", ",
            original("first_name", number, shape),
            original("last_name", number, shape),
            original("email", number, shape))
        .replace("%", "%%");
  }

  /** The engine's concatenation of SQL text expressions. */
  abstract String concat(String... parts);

  /** A number as text, as lpad takes it. */
  String text(String number) {
    return number;
  }

  /**
   * The key scenario: {@code customers} with {@code n} rows keyed {@code CU########} and {@code
   * orders} with {@code 3n} rows referencing it.
   */
  abstract void createKeyTables(long n) throws SQLException;

  /** A text column compared byte for byte (PostgreSQL's LIKE already is case-sensitive). */
  String binary(String column) {
    return column;
  }

  /** The masking scenario's baseline: one UPDATE of three text columns with md5. */
  void baselineUpdate() throws SQLException {
    sql(
        "UPDATE customers SET first_name = md5(first_name), last_name = md5(last_name),"
            + " email = md5(email)");
  }

  /** The key scenario's baseline: one md5 UPDATE of one text column on each of the two tables. */
  void baselineKeys() throws SQLException {
    sql("UPDATE customers SET name = md5(name)", "UPDATE orders SET note = md5(note)");
  }

  /**
   * Fails unless guise changed every row's three columns. The originals are lower case ('first12',
   * 'last34'), so the match is case-sensitive: under MariaDB's default collation 'last%' would also
   * match a masked surname such as Lastra.
   */
  void checkMasked(long n, String shape) throws SQLException {
    // each column against its own original, exactly: a masked value may begin like one ('last…'
    // from imitate, 'Lastra' under MariaDB's case-insensitive collation) without being it
    long left =
        count(
            "SELECT count(*) FROM customers WHERE "
                + binary("first_name")
                + " = "
                + original("first_name", "id", shape)
                + " OR "
                + binary("last_name")
                + " = "
                + original("last_name", "id", shape)
                + " OR "
                + binary("email")
                + " = "
                + original("email", "id", shape));
    if (left != 0) {
      throw new IllegalStateException(left + " rows were not masked");
    }
  }

  /**
   * Fails unless every order still has its customer and nearly every key changed ({@code
   * imitate_unique} keeps the shape, so a key keeps the prefix CU about once in 676).
   */
  void checkKeys(long n) throws SQLException {
    long orphans =
        count(
            "SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id"
                + " WHERE c.id IS NULL");
    long kept = count("SELECT count(*) FROM customers WHERE id LIKE 'CU%'");
    long customers = count("SELECT count(*) FROM customers");
    if (orphans != 0 || customers != n || kept > n / 100 + 10) {
      throw new IllegalStateException(
          orphans + " orphaned orders, " + customers + " customers, " + kept + " keys still CU…");
    }
  }

  static final class Postgres extends BenchEngine {
    Postgres(String adminUrl, String db) {
      super(adminUrl, db);
    }

    @Override
    String name() {
      return "postgres";
    }

    @Override
    String concat(String... parts) {
      return "(" + String.join(" || ", parts) + ")";
    }

    @Override
    String text(String number) {
      return number + "::text";
    }

    @Override
    void createCustomers(long n, String shape) throws SQLException {
      sql(
          "DROP TABLE IF EXISTS customers",
          "CREATE TABLE customers (id bigint PRIMARY KEY, first_name varchar(100),"
              + " last_name varchar(100), email varchar(255), phone varchar(32), dob date,"
              + " ssn char(11), notes varchar(500))",
          ("INSERT INTO customers SELECT g, "
                  + masked("g", shape)
                  + ", '+1-555-' || lpad((g %% 10000000)::text, 7,"
                  + " '0'), date '1940-01-01' + (g * 7919 %% 25000)::int,"
                  + " lpad((g %% 1000)::text, 3, '0') || '-' || lpad((g %% 100)::text, 2, '0')"
                  + " || '-' || lpad((g %% 10000)::text, 4, '0'), 'customer note ' || md5(g::text)"
                  + " FROM generate_series(1::bigint, %d) AS g")
              .formatted(n),
          "VACUUM ANALYZE customers",
          "CHECKPOINT");
    }

    @Override
    void createKeyTables(long n) throws SQLException {
      sql(
          "DROP TABLE IF EXISTS orders",
          "DROP TABLE IF EXISTS customers",
          "CREATE TABLE customers (id varchar(10) PRIMARY KEY, name varchar(100))",
          "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id varchar(10) NOT NULL"
              + " REFERENCES customers (id), note varchar(100), amount numeric(10,2))",
          ("INSERT INTO customers SELECT 'CU' || lpad(g::text, 8, '0'), 'customer ' || g"
                  + " FROM generate_series(1::bigint, %d) AS g")
              .formatted(n),
          ("INSERT INTO orders SELECT g, 'CU' || lpad((((g - 1) %% %d) + 1)::text, 8, '0'),"
                  + " 'order ' || g, (g %% 100000) / 100.0"
                  + " FROM generate_series(1::bigint, %d) AS g")
              .formatted(n, 3 * n),
          "CREATE INDEX orders_customer ON orders (customer_id)",
          "VACUUM ANALYZE customers",
          "VACUUM ANALYZE orders",
          "CHECKPOINT");
    }
  }

  static final class MariaDb extends BenchEngine {
    @Override
    String binary(String column) {
      return "BINARY " + column;
    }

    MariaDb(String adminUrl, String db) {
      super(adminUrl, db);
    }

    @Override
    String name() {
      return "mariadb";
    }

    @Override
    String concat(String... parts) {
      return "concat(" + String.join(", ", parts) + ")";
    }

    @Override
    void createCustomers(long n, String shape) throws SQLException {
      // the Sequence engine's seq_1_to_N table generates the row numbers in the server
      sql(
          "DROP TABLE IF EXISTS customers",
          "CREATE TABLE customers (id bigint PRIMARY KEY, first_name varchar(100),"
              + " last_name varchar(100), email varchar(255), phone varchar(32), dob date,"
              + " ssn char(11), notes varchar(500)) ENGINE=InnoDB",
          ("INSERT INTO customers SELECT seq, "
                  + masked("seq", shape)
                  + ", concat('+1-555-', lpad(seq %% 10000000, 7, '0')),"
                  + " date '1940-01-01' + interval (seq * 7919 %% 25000) day,"
                  + " concat(lpad(seq %% 1000, 3, '0'), '-', lpad(seq %% 100, 2, '0'), '-',"
                  + " lpad(seq %% 10000, 4, '0')), concat('customer note ', md5(seq))"
                  + " FROM seq_1_to_%d")
              .formatted(n),
          "ANALYZE TABLE customers");
    }

    @Override
    void createKeyTables(long n) throws SQLException {
      sql(
          "DROP TABLE IF EXISTS orders",
          "DROP TABLE IF EXISTS customers",
          "CREATE TABLE customers (id varchar(10) PRIMARY KEY, name varchar(100)) ENGINE=InnoDB",
          "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id varchar(10) NOT NULL,"
              + " note varchar(100), amount decimal(10,2), CONSTRAINT orders_customer"
              + " FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB",
          ("INSERT INTO customers SELECT concat('CU', lpad(seq, 8, '0')), concat('customer ', seq)"
                  + " FROM seq_1_to_%d")
              .formatted(n),
          ("INSERT INTO orders SELECT seq, concat('CU', lpad(((seq - 1) %% %d) + 1, 8, '0')),"
                  + " concat('order ', seq), (seq %% 100000) / 100.0 FROM seq_1_to_%d")
              .formatted(n, 3 * n),
          "ANALYZE TABLE customers",
          "ANALYZE TABLE orders");
    }
  }
}
