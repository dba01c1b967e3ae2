package org.tlsprobe.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into a message and an exit code: an unreadable input is exit 3 with its
 * message, a report that cannot be written exit 5; anything else is a bug in tlsprobe, reported in one line (the stack trace only with
 * {@code TLSPROBE_DEBUG=1}) and exit 4.
 */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof InputException) {
      err.println("tlsprobe: " + ex.getMessage());
      return ExitCode.UNREADABLE;
    }
    if (ex instanceof ReportNotWritten) {
      err.println("tlsprobe: " + ex.getMessage());
      return ExitCode.OUTPUT_FAILED;
    }
    err.println("tlsprobe: internal error: " + ex);
    if ("1".equals(System.getenv("TLSPROBE_DEBUG"))) {
      ex.printStackTrace(err);
    } else {
      err.println("Set TLSPROBE_DEBUG=1 to see the stack trace, and please report it.");
    }
    return ExitCode.INTERNAL;
  }
}
