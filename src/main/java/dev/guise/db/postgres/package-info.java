/** The PostgreSQL dialect. */
package dev.guise.db.postgres;
