package org.tlsprobe.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Report bytes written now and copied out later, in memory while small and in a temporary file beyond
 * that, so a report whose summary comes first can stream millions of flows with bounded memory. Bytes
 * (UTF-8, encoded where each flow was rendered) so that spooling and copying out are plain copies.
 */
final class Spool implements AutoCloseable {
  private static final int IN_MEMORY = 4 << 20;

  private byte[] memory = new byte[1 << 16];
  private int used;
  private Path file;
  private OutputStream fileOut;

  void write(byte[] b) throws IOException {
    if (used + b.length > memory.length) {
      if (fileOut == null && used + b.length <= IN_MEMORY) {
        memory = Arrays.copyOf(memory, Math.min(IN_MEMORY, Math.max(memory.length * 2, used + b.length)));
      } else {
        drain();
        if (b.length > memory.length) {
          fileOut.write(b);
          return;
        }
      }
    }
    System.arraycopy(b, 0, memory, used, b.length);
    used += b.length;
  }

  /** Moves what is in memory to the temporary file (created on first use). */
  private void drain() throws IOException {
    if (fileOut == null) {
      file = Files.createTempFile("tlsprobe-report", ".part");
      fileOut = Files.newOutputStream(file);
    }
    fileOut.write(memory, 0, used);
    used = 0;
  }

  /** Copies everything written so far to {@code out}. */
  void copyTo(OutputStream out) throws IOException {
    if (fileOut != null) {
      fileOut.flush();
      Files.copy(file, out);
    }
    out.write(memory, 0, used);
  }

  /** Removes the temporary file; a failure to do so must not spoil a report already written. */
  @Override
  public void close() {
    if (fileOut == null) {
      return;
    }
    try {
      fileOut.close();
    } catch (IOException e) {
      // the bytes were copied out already, or the report failed for a reason reported elsewhere
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
