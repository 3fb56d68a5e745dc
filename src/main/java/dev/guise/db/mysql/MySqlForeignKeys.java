package dev.guise.db.mysql;

import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The foreign keys that reference a table, from information_schema (KEY_COLUMN_USAGE with
 * REFERENTIAL_CONSTRAINTS for the rules), composite ones in column order, children in any schema.
 */
final class MySqlForeignKeys {
  private MySqlForeignKeys() {}

  static List<ForeignKey> referencing(Connection c, TableRef parent) throws SQLException {
    java.util.Map<List<String>, List<String[]>> byKey = new java.util.LinkedHashMap<>();
    try (java.sql.PreparedStatement ps =
        c.prepareStatement(
            "SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, r.UPDATE_RULE, r.DELETE_RULE,"
                + " k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME"
                + " FROM information_schema.KEY_COLUMN_USAGE k"
                + " JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
                + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
                + " AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME"
                + " WHERE k.REFERENCED_TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME = ?"
                + " ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME,"
                + " k.ORDINAL_POSITION")) {
      ps.setString(1, parent.schema());
      ps.setString(2, parent.name());
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byKey
              .computeIfAbsent(
                  List.of(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5)),
                  k -> new java.util.ArrayList<>())
              .add(new String[] {rs.getString(6), rs.getString(7)});
        }
      }
    }
    List<ForeignKey> out = new java.util.ArrayList<>();
    byKey.forEach(
        (k, cols) ->
            out.add(
                new ForeignKey(
                    k.get(2),
                    new TableRef(k.get(0), k.get(1)),
                    cols.stream().map(p -> p[0]).toList(),
                    parent,
                    cols.stream().map(p -> p[1]).toList(),
                    k.get(3),
                    k.get(4))));
    return out;
  }
}
