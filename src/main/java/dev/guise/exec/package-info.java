/**
 * Runs the task graph: one runner per step kind; table tasks as row source, masker and row sink;
 * workers, cancellation and continue-on-failure. Publishes events; never prints nor writes files.
 */
package dev.guise.exec;
