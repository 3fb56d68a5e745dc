package dev.guise.db;

import dev.guise.schema.CatalogColumn;
import dev.guise.schema.CatalogIndex;
import dev.guise.schema.CatalogTable;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Catalog} from four queries an engine supplies, each filtered by {@code IN ({schemas})}
 * (replaced by one parameter per schema; a query that names it twice gets the list twice) and
 * returning the columns its Javadoc lists, in that order.
 */
public abstract class CatalogQueries implements Catalog {
  private static final int FETCH = 5_000;

  /** schema, table, row estimate. */
  protected abstract String tablesSql();

  /** schema, table, column, data type, full type, max length, precision, scale, nullable (bool). */
  protected abstract String columnsSql();

  /** schema, table, index name, primary (bool), unique (bool), column, in index order. */
  protected abstract String indexesSql();

  /**
   * name, schema, table, column, referenced schema, referenced table, referenced column, in key
   * order, for keys with either side in the schemas.
   */
  protected abstract String foreignKeysSql();

  /** The session's current schema, for an empty list. */
  protected abstract String currentSchema(Connection c) throws SQLException;

  @Override
  public List<CatalogTable> read(Connection c, List<String> schemas) throws SQLException {
    List<String> in = schemas.isEmpty() ? List.of(currentSchema(c)) : schemas;
    Map<TableRef, Builder> tables = new LinkedHashMap<>();
    query(
        c,
        tablesSql(),
        in,
        rs -> {
          TableRef ref = new TableRef(rs.getString(1), rs.getString(2));
          long est = rs.getLong(3);
          tables.put(ref, new Builder(ref, rs.wasNull() ? -1 : est));
        });
    query(
        c,
        columnsSql(),
        in,
        rs -> {
          Builder b = tables.get(new TableRef(rs.getString(1), rs.getString(2)));
          if (b != null) {
            String type = rs.getString(4);
            String full = rs.getString(5);
            ColumnCategory cat = category(type, full);
            // integers' catalog precision is bits on some engines, digits on others: kept for
            // decimals only, where it is what a value may hold
            boolean decimal = cat == ColumnCategory.DECIMAL;
            b.columns.add(
                new CatalogColumn(
                    rs.getString(3),
                    full == null ? type : full,
                    cat == ColumnCategory.TEXT ? Math.max(0, rs.getLong(6)) : 0,
                    decimal ? rs.getInt(7) : 0,
                    decimal ? rs.getInt(8) : 0,
                    rs.getBoolean(9),
                    cat));
          }
        });
    Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
    query(
        c,
        indexesSql(),
        in,
        rs -> {
          TableRef ref = new TableRef(rs.getString(1), rs.getString(2));
          if (tables.containsKey(ref)) {
            String name = rs.getString(3);
            indexes
                .computeIfAbsent(
                    ref + "\u0000" + name,
                    k -> {
                      IndexBuilder ib = new IndexBuilder(ref, name);
                      ib.primary = bool(rs, 4);
                      ib.unique = bool(rs, 5);
                      return ib;
                    })
                .columns
                .add(rs.getString(6));
          }
        });
    for (IndexBuilder ib : indexes.values()) {
      Builder b = tables.get(ib.table);
      b.indexes.add(new CatalogIndex(ib.name, List.copyOf(ib.columns), ib.primary, ib.unique));
      if (ib.primary) {
        b.primaryKey.addAll(ib.columns);
      }
    }
    Map<String, FkBuilder> fks = new LinkedHashMap<>();
    query(
        c,
        foreignKeysSql(),
        in,
        rs -> {
          TableRef from = new TableRef(rs.getString(2), rs.getString(3));
          TableRef to = new TableRef(rs.getString(5), rs.getString(6));
          FkBuilder f =
              fks.computeIfAbsent(
                  from + "\u0000" + rs.getString(1), k -> new FkBuilder(rsString(rs, 1), from, to));
          f.fromColumns.add(rs.getString(4));
          f.toColumns.add(rs.getString(7));
        });
    for (FkBuilder f : fks.values()) {
      ForeignKey fk =
          new ForeignKey(
              f.name, f.from, List.copyOf(f.fromColumns), f.to, List.copyOf(f.toColumns));
      if (tables.containsKey(f.from)) {
        tables.get(f.from).foreignKeys.add(fk);
      }
      if (tables.containsKey(f.to)) {
        tables.get(f.to).referencedBy.add(fk);
      }
    }
    return tables.values().stream()
        .map(Builder::build)
        .sorted(
            Comparator.comparing((CatalogTable t) -> t.ref().schema())
                .thenComparing(t -> t.ref().name()))
        .toList();
  }

  /** The category of a catalog type name; engines refine it (MySQL's {@code tinyint(1)}). */
  protected ColumnCategory category(String dataType, String fullType) {
    String t = dataType == null ? "" : dataType.toLowerCase(Locale.ROOT);
    if (t.contains("char")
        || t.equals("text")
        || t.endsWith("text")
        || t.contains("clob")
        || t.equals("enum")
        || t.equals("set")
        || t.equals("name")) {
      return ColumnCategory.TEXT;
    }
    if (t.contains("int") || t.equals("year")) {
      return ColumnCategory.INTEGER;
    }
    if (t.equals("numeric") || t.equals("decimal") || t.equals("number")) {
      return ColumnCategory.DECIMAL;
    }
    if (t.startsWith("float") || t.startsWith("double") || t.equals("real")) {
      return ColumnCategory.FLOAT;
    }
    if (t.startsWith("bool")) {
      return ColumnCategory.BOOLEAN;
    }
    if (t.equals("date")) {
      return ColumnCategory.DATE;
    }
    if (t.startsWith("timestamp") || t.equals("datetime")) {
      return t.contains("with time zone") || t.equals("timestamptz")
          ? ColumnCategory.TIMESTAMP_TZ
          : ColumnCategory.TIMESTAMP;
    }
    if (t.startsWith("time")) {
      return ColumnCategory.TIME;
    }
    if (t.contains("uuid")) {
      return ColumnCategory.UUID;
    }
    if (t.contains("json")) {
      return ColumnCategory.JSON;
    }
    if (t.contains("binary") || t.contains("blob") || t.equals("bytea")) {
      return ColumnCategory.BINARY;
    }
    return ColumnCategory.OTHER;
  }

  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, List<String> schemas, RowHandler h)
      throws SQLException {
    String marker = "{schemas}";
    int uses = (sql.length() - sql.replace(marker, "").length()) / marker.length();
    String placeholders = String.join(", ", schemas.stream().map(s -> "?").toList());
    try (PreparedStatement ps = c.prepareStatement(sql.replace(marker, placeholders))) {
      ps.setFetchSize(FETCH);
      int i = 1;
      for (int u = 0; u < uses; u++) {
        for (String s : schemas) {
          ps.setString(i++, s);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          h.row(rs);
        }
      }
    }
  }

  private static boolean bool(ResultSet rs, int i) {
    try {
      return rs.getBoolean(i);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rsString(ResultSet rs, int i) {
    try {
      return rs.getString(i);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Builder {
    final TableRef ref;
    final long estimate;
    final List<CatalogColumn> columns = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    final List<CatalogIndex> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<ForeignKey> referencedBy = new ArrayList<>();

    Builder(TableRef ref, long estimate) {
      this.ref = ref;
      this.estimate = estimate;
    }

    CatalogTable build() {
      return new CatalogTable(
          ref,
          List.copyOf(columns),
          List.copyOf(primaryKey),
          List.copyOf(indexes),
          List.copyOf(foreignKeys),
          List.copyOf(referencedBy),
          estimate);
    }
  }

  private static final class IndexBuilder {
    final TableRef table;
    final String name;
    final List<String> columns = new ArrayList<>();
    boolean primary;
    boolean unique;

    IndexBuilder(TableRef table, String name) {
      this.table = table;
      this.name = name;
    }
  }

  private static final class FkBuilder {
    final String name;
    final TableRef from;
    final TableRef to;
    final List<String> fromColumns = new ArrayList<>();
    final List<String> toColumns = new ArrayList<>();

    FkBuilder(String name, TableRef from, TableRef to) {
      this.name = name;
      this.from = from;
      this.to = to;
    }
  }
}
