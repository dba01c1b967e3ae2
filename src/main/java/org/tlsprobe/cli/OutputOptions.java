package org.tlsprobe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format text|json} and {@code --out FILE}. */
public final class OutputOptions {
  @Option(names = "--format", paramLabel = "FORMAT", converter = OutputFormat.Converter.class,
      description = "text (default) or json.")
  OutputFormat format = OutputFormat.TEXT;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to this file instead of standard output.")
  Path out;

  public OutputFormat format() {
    return format;
  }

  /** Where the report goes: the --out file, or standard output. Close it when done (standard output stays open). */
  public Output open(PrintWriter stdout) {
    if (out == null) {
      return new Output(stdout, false);
    }
    try {
      return new Output(new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8)), true);
    } catch (IOException e) {
      throw new InputException("cannot write --out " + out + " (" + e.getMessage() + ")", e);
    }
  }

  /** The report's writer; closing it closes an --out file and only flushes standard output. */
  public static final class Output implements AutoCloseable {
    private final PrintWriter writer;
    private final boolean owned;

    Output(PrintWriter writer, boolean owned) {
      this.writer = writer;
      this.owned = owned;
    }

    public PrintWriter writer() {
      return writer;
    }

    @Override
    public void close() {
      if (owned) {
        writer.close();
      } else {
        writer.flush();
      }
    }
  }
}
