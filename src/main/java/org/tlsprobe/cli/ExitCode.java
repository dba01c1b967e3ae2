package org.tlsprobe.cli;

/** The exit codes of SPEC.md. */
public final class ExitCode {
  /** Every outcome OK and no error finding. */
  public static final int OK = 0;
  /** Some outcome not OK, or some error finding. */
  public static final int FAILED = 1;
  /** Bad usage: an unknown option, a bad value. */
  public static final int USAGE = 2;
  /** An input could not be read at all (missing file, not a capture, not a certificate). */
  public static final int UNREADABLE = 3;
  /** A bug in tlsprobe (not part of SPEC.md's contract beyond "not 0"). */
  public static final int INTERNAL = 4;
  /** The report could not be written (standard output closed early, as by {@code | head}; a full disk). */
  public static final int OUTPUT_FAILED = 5;

  private ExitCode() {}
}
