package dev.guise.it;

import dev.guise.db.Dialect;
import dev.guise.db.Dialects;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableInfo;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One database engine under test, holding a sandbox of its own: two freshly created schemas (on
 * MariaDB, databases) with unique names, dropped on close, so runs never collide.
 */
abstract class TestEngine implements AutoCloseable {
  /** The connection's default schema. */
  final String schema = "guise_it_" + UUID.randomUUID().toString().substring(0, 8);

  /** A second schema, for tables the ruleset names schema-qualified. */
  final String otherSchema = schema + "_x";

  private Connection admin;

  /** Engine name as {@code db_type} spells it. */
  abstract String name();

  /** The JDBC URL written to connections.yml. */
  abstract String url();

  /** A column type holding a date and time without zone. */
  abstract String timestampType();

  /** The write-back class the engine's dialect must pick when nothing stops it. */
  abstract String setBasedWriteBack();

  /** Engine types that must survive a read and a write-back unchanged: DDL to literal. */
  abstract List<TypeCase> typeCases();

  /** SQL whose single result shows the session statement timeout, or null when there is none. */
  abstract String statementTimeoutProbe();

  /** A column type, its literal for one row, and the category Guise must see. */
  record TypeCase(String ddl, String literal, dev.guise.schema.ColumnCategory category) {}

  Dialect dialect() {
    return Dialects.forUrl(url()).orElseThrow();
  }

  void open() throws SQLException {
    admin = DriverManager.getConnection(dialect().driverUrl(url()));
    admin.setAutoCommit(true);
    createSchema(schema);
    createSchema(otherSchema);
  }

  /** Opens the admin connection anew: a server restarted under the test ended the old session. */
  void reconnect() throws SQLException {
    try {
      admin.close();
    } catch (SQLException gone) {
      // its server is the one that went away
    }
    admin = DriverManager.getConnection(dialect().driverUrl(url()));
    admin.setAutoCommit(true);
  }

  void createSchema(String name) throws SQLException {
    sql("CREATE SCHEMA " + q(name));
  }

  void dropSchema(String name) throws SQLException {
    sql("DROP SCHEMA " + q(name) + " CASCADE");
  }

  @Override
  public void close() throws SQLException {
    if (admin != null) {
      try {
        dropSchema(schema);
        dropSchema(otherSchema);
      } finally {
        admin.close();
      }
    }
  }

  String q(String identifier) {
    return dialect().quote(identifier);
  }

  /** A table of the sandbox, qualified and quoted. */
  String t(String table) {
    return q(schema) + "." + q(table);
  }

  void sql(String... statements) throws SQLException {
    try (Statement st = admin.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** Inserts rows through the dialect's own binding. */
  void insert(String table, List<String> columns, List<Object[]> rows) throws SQLException {
    TableInfo info = describe(schema + "." + table);
    List<ColumnInfo> cols = columns.stream().map(c -> info.column(c).orElseThrow()).toList();
    String sql =
        "INSERT INTO "
            + t(table)
            + " ("
            + String.join(", ", cols.stream().map(c -> q(c.name())).toList())
            + ") VALUES ("
            + String.join(", ", columns.stream().map(c -> "?").toList())
            + ")";
    try (PreparedStatement ps = admin.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          dialect().bind(ps, i + 1, row[i], cols.get(i));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  TableInfo describe(String tableAsWritten) throws SQLException {
    return dialect().describe(admin, tableAsWritten, schema).orElseThrow();
  }

  /**
   * Every row of a table in primary-key order (all columns' order without one), each as column
   * (lower case) to value, read the way Guise reads them; decimals without trailing zeros and bytes
   * as hex so rows compare as values.
   */
  List<Map<String, Object>> dump(String tableAsWritten) throws SQLException {
    TableInfo info = describe(tableAsWritten);
    // the primary key, else every column (a table keyed by a unique index has no primary key)
    List<String> orderBy =
        info.primaryKey().isEmpty()
            ? info.columns().stream().map(ColumnInfo::name).toList()
            : info.primaryKey();
    String order = String.join(", ", orderBy.stream().map(this::q).toList());
    List<Map<String, Object>> out = new ArrayList<>();
    try (Statement st = admin.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + String.join(", ", info.columns().stream().map(c -> q(c.name())).toList())
                    + " FROM "
                    + dialect().qualified(info.ref())
                    + " ORDER BY "
                    + order)) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < info.columns().size(); i++) {
          ColumnInfo c = info.columns().get(i);
          row.put(c.name().toLowerCase(Locale.ROOT), canonical(dialect().read(rs, i + 1, c)));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static Object canonical(Object v) {
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    return v;
  }

  Connection admin() {
    return admin;
  }
}
