/**
 * File sources and sinks for file masking runs: which files of a folder a task takes, CSV/TSV
 * formats, outputs written under a temporary name and renamed when whole, and the file report.
 */
package dev.guise.files;
