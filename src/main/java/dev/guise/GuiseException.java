package dev.guise;

/**
 * The one unchecked exception Guise throws for expected failures. Its message is already in the
 * house form {@code <subject> - <what happened>[; <what to do>]} and never holds a secret.
 */
public class GuiseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public GuiseException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public GuiseException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
