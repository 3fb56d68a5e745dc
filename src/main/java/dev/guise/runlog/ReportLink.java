package dev.guise.runlog;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A report a task wrote into the run's folder, as run.json links it.
 *
 * @param kind {@code schema} or {@code sdd}
 * @param file its name in the run's folder, e.g. {@code sdd-report.csv}
 * @param task the id of the task that wrote it
 */
public record ReportLink(
    @JsonProperty("kind") String kind,
    @JsonProperty("file") String file,
    @JsonProperty("task") String task) {}
