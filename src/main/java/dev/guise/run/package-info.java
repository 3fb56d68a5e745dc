/**
 * The run service: parse, connect, plan and execute from a plain request, printing nothing, so the
 * command line and any other caller share one sequence.
 */
package dev.guise.run;
