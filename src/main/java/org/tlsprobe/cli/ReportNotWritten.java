package org.tlsprobe.cli;

import java.io.IOException;

/**
 * The report could not be written (standard output closed early, as by {@code | head}; a full disk): told
 * apart from the inputs' read errors and from bugs, and turned into exit 5 with one line.
 */
final class ReportNotWritten extends RuntimeException {
  ReportNotWritten(IOException cause) {
    super("cannot write the report: " + cause.getMessage(), cause);
  }

  interface Write {
    void run() throws IOException;
  }

  /** Runs a write; its failure becomes this exception. */
  static void writing(Write w) {
    try {
      w.run();
    } catch (IOException e) {
      throw new ReportNotWritten(e);
    }
  }
}
