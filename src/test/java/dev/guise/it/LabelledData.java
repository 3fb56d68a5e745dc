package dev.guise.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The labelled test database of {@code discovery/labelled-db.csv}: creates its tables on an engine
 * and fills them with generated values of each column's data kind.
 */
final class LabelledData {
  /** One labelled column. */
  record Col(String table, String column, String type, String data, String label) {
    String key() {
      return (table + "." + column).toLowerCase(Locale.ROOT);
    }
  }

  static final int ROWS = 200;
  private static final List<String> FIRST = seed("seeds/first_names.csv");
  private static final List<String> LAST = seed("seeds/last_names.csv");
  private static final List<String> STREETS = seed("seeds/street_addresses.csv");
  private static final List<String> CITIES = seed("seeds/cities.csv");
  private static final List<String> COMPANIES = seed("seeds/companies.csv");
  private static final List<String> COUNTRIES = seed("seeds/countries.csv");
  private static final List<String> JOBS = seed("seeds/job_titles.csv");
  private static final String[] LOREM =
      "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua"
          .split(" ");

  private LabelledData() {}

  static List<Col> columns() {
    List<Col> out = new ArrayList<>();
    try (InputStream in = LabelledData.class.getResourceAsStream("/discovery/labelled-db.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",(?![^(]*\\))", -1); // num(12,2) keeps its comma
        out.add(new Col(f[0], f[1], f[2], f[3], f[4]));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static Map<String, List<Col>> tables() {
    Map<String, List<Col>> t = new LinkedHashMap<>();
    for (Col c : columns()) {
      t.computeIfAbsent(c.table(), k -> new ArrayList<>()).add(c);
    }
    return t;
  }

  /** Creates and fills every table in the engine's sandbox schema. */
  static void create(TestEngine e) throws SQLException {
    for (Map.Entry<String, List<Col>> t : tables().entrySet()) {
      List<String> defs = new ArrayList<>();
      for (Col c : t.getValue()) {
        defs.add(e.q(c.column()) + " " + ddl(e, c));
      }
      e.sql("CREATE TABLE " + e.t(t.getKey()) + " (" + String.join(", ", defs) + ")");
      Random rnd = new Random(t.getKey().hashCode());
      List<Object[]> rows = new ArrayList<>();
      for (int i = 1; i <= ROWS; i++) {
        Object[] row = new Object[t.getValue().size()];
        for (int j = 0; j < row.length; j++) {
          Col c = t.getValue().get(j);
          row[j] = value(c, i, rnd);
        }
        rows.add(row);
      }
      e.insert(t.getKey(), t.getValue().stream().map(Col::column).toList(), rows);
    }
  }

  private static String ddl(TestEngine e, Col c) {
    String type = c.type();
    if (type.equals("pk")) {
      return "integer PRIMARY KEY";
    }
    if (type.startsWith("fk:")) {
      String target = type.substring(3).replace("+unique", "");
      return "integer"
          + (type.endsWith("+unique") ? " NOT NULL UNIQUE" : "")
          + " REFERENCES "
          + e.t(target)
          + " ("
          + e.q("id")
          + ")";
    }
    return switch (type) {
      case "int" -> "integer";
      case "bigint" -> "bigint";
      case "bool" -> "boolean";
      case "date" -> "date";
      case "ts" -> e.timestampType();
      default -> type.replace("vc(", "varchar(").replace("num(", "numeric(");
    };
  }

  static Object value(Col c, int i, Random r) {
    String first = pick(FIRST, r);
    String last = pick(LAST, r);
    return switch (c.data()) {
      case "pk" -> (long) i;
      case "fk" ->
          c.type().endsWith("+unique")
              ? Long.valueOf(i)
              : c.type().equals("fk:" + c.table()) ? null : Long.valueOf(1 + r.nextInt(ROWS));
      case "first_name" -> first;
      case "last_name" -> last;
      case "fullname" -> first + " " + last;
      case "email" ->
          letters(first)
              + "."
              + letters(last)
              + r.nextInt(100)
              + "@"
              + pick(List.of("example.com", "mail.example.org", "corp.example.net"), r);
      case "phone_intl" ->
          r.nextBoolean() ? "+1415" + digits(r, 7) : "+44 20 " + digits(r, 4) + " " + digits(r, 4);
      case "phone_national" ->
          r.nextBoolean()
              ? "(" + (200 + r.nextInt(700)) + ") 555-" + digits(r, 4)
              : "020 " + digits(r, 4) + " " + digits(r, 4);
      case "dob" -> LocalDate.of(1940, 1, 1).plusDays(r.nextInt(60 * 365));
      case "date_recent" -> LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3650));
      case "date_future" -> LocalDate.of(2028, 1, 1).plusDays(r.nextInt(1000));
      case "ts" -> LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(r.nextInt(3_000_000));
      case "status_word" -> pick(List.of("active", "inactive", "pending", "closed"), r);
      case "int" -> (long) r.nextInt(1000);
      case "bigint" -> r.nextLong() & 0xffffffffL;
      case "bool" -> r.nextBoolean();
      case "amount", "salary" -> BigDecimal.valueOf(r.nextInt(10_000_000), 2);
      case "code" ->
          (char) ('A' + r.nextInt(26)) + "" + (char) ('A' + r.nextInt(26)) + "-" + digits(r, 5);
      case "currency" -> pick(List.of("USD", "EUR", "GBP", "AUD"), r);
      case "street" -> pick(STREETS, r);
      case "city" -> pick(CITIES, r);
      case "postcode" -> digits(r, 5);
      case "country2" -> pick(List.of("US", "GB", "AU", "NZ"), r);
      case "addrtype" -> pick(List.of("home", "work", "billing"), r);
      case "freetext_pii" ->
          switch (r.nextInt(3)) {
            case 0 ->
                "Customer "
                    + first
                    + " "
                    + last
                    + " called from +1415"
                    + digits(r, 7)
                    + " about a late delivery.";
            case 1 ->
                "Please send the invoice to " + letters(first) + "@example.com before Friday.";
            default -> "Spoke to " + first + " " + last + ", will follow up next week.";
          };
      case "lorem", "diagnosis_text" -> lorem(r, 6 + r.nextInt(8));
      case "card" ->
          luhn(
              r.nextBoolean() ? "4" + digits(r, 14) : "5" + (1 + r.nextInt(5)) + digits(r, 13), 16);
      case "expiry" -> String.format("%02d/%02d", 1 + r.nextInt(12), 27 + r.nextInt(5));
      case "cvv" -> digits(r, 3);
      case "iban" -> iban(r);
      case "ssn" ->
          String.format(
              "%03d-%02d-%04d", 1 + r.nextInt(665), 1 + r.nextInt(99), 1 + r.nextInt(9999));
      case "ni" -> "AB" + digits(r, 6) + "C";
      case "jobtitle" -> pick(JOBS, r);
      case "mrn" -> "MRN" + digits(r, 7);
      case "diagnosis" ->
          pick(
              List.of(
                  "Type 2 diabetes",
                  "Hypertension",
                  "Asthma",
                  "Migraine",
                  "Influenza",
                  "Bronchitis",
                  "Anaemia",
                  "Arthritis",
                  "Eczema",
                  "Gout",
                  "Tonsillitis",
                  "Sinusitis"),
              r);
      case "bloodtype" -> pick(List.of("A+", "A-", "B+", "B-", "O+", "O-", "AB+", "AB-"), r);
      case "gender" -> pick(List.of("F", "M", "X"), r);
      case "allergies" ->
          pick(List.of("Penicillin", "Peanuts", "None", "Latex", "Shellfish", "Pollen"), r);
      case "insurance" -> "INS-" + digits(r, 8);
      case "username" -> letters(first) + letters(last).charAt(0) + r.nextInt(1000);
      case "hash" ->
          "$2a$10$"
              + chars(r, 53, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./");
      case "ipv4" ->
          (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
      case "ipv6" ->
          String.join(
              ":",
              List.of(
                  hex(r, 4), hex(r, 4), hex(r, 4), hex(r, 4), hex(r, 4), hex(r, 4), hex(r, 4),
                  hex(r, 4)));
      case "ua" ->
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/"
              + (90 + r.nextInt(30))
              + ".0";
      case "hex" -> hex(r, 64);
      case "uuid" -> new UUID(r.nextLong(), r.nextLong()).toString();
      case "digits13" -> (1 + r.nextInt(9)) + digits(r, 12);
      case "json" -> "{\"clicks\": " + r.nextInt(100) + ", \"ms\": " + r.nextInt(5000) + "}";
      case "word" -> pick(List.of("alpha", "beta", "gamma", "delta", "omega"), r);
      case "productname" ->
          pick(List.of("Steel", "Paper", "Glass", "Wooden", "Plastic"), r)
              + " "
              + pick(List.of("Widget", "Gadget", "Bracket", "Hinge"), r)
              + " "
              + r.nextInt(100);
      case "company" -> pick(COMPANIES, r);
      case "url" -> "https://shop.example.com/p/" + r.nextInt(100_000);
      case "country" -> pick(COUNTRIES, r);
      case "mac" ->
          String.join(
              ":", List.of(hex(r, 2), hex(r, 2), hex(r, 2), hex(r, 2), hex(r, 2), hex(r, 2)));
      case "imei" -> luhn("35" + digits(r, 12), 15);
      case "digits4" -> digits(r, 4);
      case "marital" -> pick(List.of("single", "married", "divorced", "widowed", "partnered"), r);
      case "ethnicity" -> pick(List.of("Asian", "Black", "White", "Mixed", "Hispanic", "Other"), r);
      case "religion" ->
          pick(List.of("None", "Christian", "Muslim", "Hindu", "Buddhist", "Jewish"), r);
      case "passport" -> (char) ('A' + r.nextInt(26)) + digits(r, 8);
      case "license" -> "D" + digits(r, 4) + "-" + digits(r, 4);
      case "bank_account" -> digits(r, 8 + r.nextInt(3));
      case "frequency" -> pick(List.of("daily", "weekly", "monthly", "never"), r);
      default -> throw new IllegalArgumentException("no generator for data kind " + c.data());
    };
  }

  private static String letters(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  private static String lorem(Random r, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(i == 0 ? "" : " ").append(LOREM[r.nextInt(LOREM.length)]);
    }
    return b.toString();
  }

  private static String digits(Random r, int n) {
    return chars(r, n, "0123456789");
  }

  private static String hex(Random r, int n) {
    return chars(r, n, "0123456789abcdef");
  }

  private static String chars(Random r, int n, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** The prefix padded to {@code length - 1} digits plus its Luhn check digit. */
  private static String luhn(String prefix, int length) {
    String body = prefix.substring(0, Math.min(prefix.length(), length - 1));
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int n = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        n *= 2;
        n = n > 9 ? n - 9 : n;
      }
      sum += n;
    }
    return body + (10 - sum % 10) % 10;
  }

  private static String iban(Random r) {
    String bban = "WEST" + digits(r, 14);
    String numeric =
        new StringBuilder().append(num(bban)).append(num("GB")).append("00").toString();
    int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
    return "GB" + String.format("%02d", check) + bban;
  }

  private static String num(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return b.toString();
  }

  private static String pick(List<String> l, Random r) {
    return l.get(r.nextInt(l.size()));
  }

  private static List<String> seed(String resource) {
    List<String> out = new ArrayList<>();
    try (InputStream in = LabelledData.class.getClassLoader().getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String v =
            line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.split(",")[0];
        if (!v.isBlank()) {
          out.add(v);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
