package org.tlsprobe.cli;

/** An input that cannot be read at all; ends the run with exit code 3 and this message. */
public final class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
