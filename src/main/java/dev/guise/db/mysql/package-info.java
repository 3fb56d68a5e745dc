/** The MariaDB and MySQL dialect. */
package dev.guise.db.mysql;
