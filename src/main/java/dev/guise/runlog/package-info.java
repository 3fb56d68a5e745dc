/** Run records and JSON-lines logs on disk, and the store that lists them. */
package dev.guise.runlog;
