/** Runs the task graph: workers, batches, cancellation, continue-on-failure and progress events. */
package dev.guise.exec;
