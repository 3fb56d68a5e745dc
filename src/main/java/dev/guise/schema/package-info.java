/**
 * The schema model shared by planning, database access and discovery: tables, columns, keys, and
 * the row view masks and conditions read.
 */
package dev.guise.schema;
