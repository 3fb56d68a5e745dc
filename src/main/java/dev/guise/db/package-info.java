/** Database access: the Dialect seam, connections, schema introspection and write-back. */
package dev.guise.db;
