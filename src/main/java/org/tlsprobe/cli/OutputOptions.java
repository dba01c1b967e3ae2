package org.tlsprobe.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format text|json|html} and {@code --out FILE}. */
public final class OutputOptions {
  @Option(names = "--format", paramLabel = "FORMAT", converter = OutputFormat.Converter.class,
      description = "text (default), json or html.")
  OutputFormat format = OutputFormat.TEXT;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to this file instead of standard output.")
  Path out;

  public OutputFormat format() {
    return format;
  }

  /** Where the report goes: the --out file, or standard output. Close it when done (standard output stays open). */
  public Output open(PrintWriter stdout) {
    return open(stdout, new WriterOutputStream(stdout));
  }

  /** As {@link #open(PrintWriter)}, with standard output also as bytes ({@code stdoutBytes}) for byte reports. */
  public Output open(PrintWriter stdout, OutputStream stdoutBytes) {
    if (out == null) {
      return new Output(stdout, stdoutBytes, false);
    }
    try {
      OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
      return new Output(new PrintWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8)), file, true);
    } catch (IOException e) {
      throw new InputException("cannot write --out " + out + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The report's writer, and the same destination as bytes (for reports already encoded as UTF-8: use one
   * or the other). Closing it closes an --out file and only flushes standard output.
   */
  public static final class Output implements AutoCloseable {
    private final PrintWriter writer;
    private final OutputStream stream;
    private final boolean owned;

    Output(PrintWriter writer, OutputStream stream, boolean owned) {
      this.writer = writer;
      this.stream = stream;
      this.owned = owned;
    }

    public PrintWriter writer() {
      return writer;
    }

    /** The destination as bytes; text already given to {@link #writer()} is flushed ahead of them. */
    public OutputStream stream() {
      writer.flush();
      return stream;
    }

    /** Flushes, and closes an --out file even when flushing fails; a failure is {@link ReportNotWritten}. */
    @Override
    public void close() {
      writer.flush();
      try {
        ReportNotWritten.writing(stream::flush);
      } finally {
        if (owned) {
          ReportNotWritten.writing(stream::close);
        }
      }
    }
  }
}
