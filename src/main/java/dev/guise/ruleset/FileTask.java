package dev.guise.ruleset;

/** A task that masks the files of a source folder into a destination folder. */
public interface FileTask extends Task {
  /** Which files of the source folder the task takes. */
  FileSelection selection();

  /** The task's {@code file_type}, or null to go by each file's extension. */
  String fileType();

  /** The files' character encoding. */
  String encoding();
}
