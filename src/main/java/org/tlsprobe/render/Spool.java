package org.tlsprobe.render;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text written now and copied out later, in memory while small and in a temporary file beyond that, so a
 * report whose summary comes first can stream millions of flows with bounded memory.
 */
final class Spool extends Writer {
  private static final int IN_MEMORY = 4 << 20;

  private StringBuilder memory = new StringBuilder();
  private Path file;
  private Writer fileWriter;

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    if (fileWriter != null) {
      fileWriter.write(cbuf, off, len);
      return;
    }
    memory.append(cbuf, off, len);
    if (memory.length() > IN_MEMORY) {
      file = Files.createTempFile("tlsprobe-report", ".part");
      fileWriter = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
      fileWriter.append(memory);
      memory = null;
    }
  }

  /** Copies everything written so far to {@code out}. */
  void copyTo(Writer out) throws IOException {
    if (fileWriter == null) {
      out.append(memory);
      return;
    }
    fileWriter.flush();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.transferTo(out);
    }
  }

  boolean isEmpty() {
    return fileWriter == null && memory.length() == 0;
  }

  @Override
  public void flush() throws IOException {
    if (fileWriter != null) {
      fileWriter.flush();
    }
  }

  @Override
  public void close() {
    try {
      if (fileWriter != null) {
        fileWriter.close();
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
