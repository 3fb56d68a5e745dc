/** Command line: picocli commands, shared options and the one exit-code mapping. */
package dev.guise.cli;
