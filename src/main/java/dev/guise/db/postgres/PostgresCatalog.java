package dev.guise.db.postgres;

import dev.guise.db.CatalogQueries;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's catalog from {@code pg_catalog} (its information_schema views check privileges row
 * by row and are slow on large schemas). Partitions are left out; their parent is the table.
 */
final class PostgresCatalog extends CatalogQueries {
  @Override
  protected String tablesSql() {
    return "SELECT n.nspname, c.relname, CASE WHEN c.reltuples < 0 THEN NULL"
        + " ELSE c.reltuples::bigint END"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname IN ({schemas})";
  }

  @Override
  protected String columnsSql() {
    return "SELECT n.nspname, c.relname, a.attname, t.typname,"
        + " format_type(a.atttypid, a.atttypmod),"
        + " CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 4"
        + " THEN a.atttypmod - 4 ELSE 0 END,"
        + " CASE WHEN t.typname = 'numeric' AND a.atttypmod > 4"
        + " THEN ((a.atttypmod - 4) >> 16) & 65535 ELSE 0 END,"
        + " CASE WHEN t.typname = 'numeric' AND a.atttypmod > 4"
        + " THEN (a.atttypmod - 4) & 65535 ELSE 0 END,"
        + " NOT a.attnotnull"
        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')"
        + " AND n.nspname IN ({schemas}) ORDER BY n.nspname, c.relname, a.attnum";
  }

  @Override
  protected String indexesSql() {
    return "SELECT n.nspname, c.relname, i.relname, x.indisprimary, x.indisunique, a.attname"
        + " FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid"
        + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
        + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
        + " WHERE n.nspname IN ({schemas}) ORDER BY n.nspname, c.relname, i.relname, k.ord";
  }

  @Override
  protected String foreignKeysSql() {
    return "SELECT con.conname, n.nspname, c.relname, a.attname, fn.nspname, fc.relname, fa.attname"
        + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " JOIN pg_class fc ON fc.oid = con.confrelid JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
        + " CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(att, fatt, ord)"
        + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att"
        + " JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.fatt"
        + " WHERE con.contype = 'f' AND (n.nspname IN ({schemas}) OR fn.nspname IN ({schemas}))"
        + " ORDER BY n.nspname, c.relname, con.conname, k.ord";
  }

  @Override
  protected String currentSchema(Connection c) throws SQLException {
    return c.getSchema();
  }
}
