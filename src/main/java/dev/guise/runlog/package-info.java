/** Records the executor's events into run.json and log.jsonl; the run store; the audit log. */
package dev.guise.runlog;
