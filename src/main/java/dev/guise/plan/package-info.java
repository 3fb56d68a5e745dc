/** Ruleset plus live schema to the task graph a run executes; pure, no JDBC. */
package dev.guise.plan;
