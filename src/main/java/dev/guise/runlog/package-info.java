/** Records the executor's events into run.json and log.jsonl; the store that lists runs. */
package dev.guise.runlog;
