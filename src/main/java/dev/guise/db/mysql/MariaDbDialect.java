package dev.guise.db.mysql;

import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ColumnInfo;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB: MySQL's dialect with MariaDB's own timeout setting and JSON, which MariaDB stores as a
 * LONGTEXT guarded by a {@code json_valid} check constraint.
 */
public final class MariaDbDialect extends MySqlDialect {
  private static final Pattern JSON_CHECK =
      Pattern.compile("(?i)^json_valid\\(`((?:[^`]|``)+)`\\)$");

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public List<String> dbTypes() {
    return List.of("mariadb");
  }

  @Override
  public boolean acceptsUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:mariadb:");
  }

  @Override
  protected String scheme() {
    return "jdbc:mariadb:";
  }

  @Override
  protected List<ColumnInfo> refineColumns(Connection c, TableRef table, List<ColumnInfo> columns)
      throws SQLException {
    Set<String> json = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?")) {
      ps.setString(1, table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Matcher m = JSON_CHECK.matcher(rs.getString(1).strip());
          if (m.matches()) {
            json.add(m.group(1).replace("``", "`"));
          }
        }
      }
    }
    return super.refineColumns(c, table, columns).stream()
        .map(col -> json.contains(col.name()) ? withCategory(col, ColumnCategory.JSON) : col)
        .toList();
  }

  @Override
  protected String statementTimeout(int seconds) {
    return "SET SESSION max_statement_time = " + seconds;
  }
}
