package org.tlsprobe.capture.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.tlsprobe.capture.ProgressListener;

/**
 * A window onto a file that slides forward: one large reusable array, refilled from a
 * {@link FileChannel} when a record does not fit in what is left. The reader parses records straight
 * out of {@link #array()}, so no packet is copied or wrapped in an object.
 */
final class ChannelBuffer {
  static final int DEFAULT_SIZE = 4 << 20;
  /**
   * The file is read through one direct buffer of this size, aligned to 64 bytes, and copied into the array
   * from there. A read into a heap array goes through the JDK's temporary direct buffer, from malloc, and
   * the kernel copies into a destination that is not 32-byte aligned four to five times slower (measured
   * here, 1.1 GB from the page cache: read(2) into 1 MiB at offset 16 took 0.56 s, at offset 64 0.13 s).
   * Whether malloc's buffer is aligned is luck: the analyzer's reads of the same file took 0.27 s in a
   * usual run and 0.55 s with malloc's mmap threshold fixed (MALLOC_MMAP_THRESHOLD_=131072); through this
   * buffer 0.31 s either way (strace).
   */
  private static final int CHUNK = 256 << 10;

  private final FileChannel channel;
  private final long fileSize;
  private final ProgressListener progress;
  private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK + 63).alignedSlice(64);
  private byte[] buf;
  private int pos;
  private int limit;
  private long windowStart; // file offset of buf[0]
  private boolean eof;
  /** Set: every refill moves to a new array from here, so frames handed out stay intact. */
  private ReadWindows windows;

  ChannelBuffer(FileChannel channel, long fileSize, int size, ProgressListener progress) {
    this.channel = channel;
    this.fileSize = fileSize;
    this.progress = progress;
    this.buf = new byte[size];
  }

  /** From now on, refill into arrays from {@code windows} instead of over the bytes already read. */
  void readWindowsFrom(ReadWindows windows) {
    this.windows = windows;
  }

  byte[] array() {
    return buf;
  }

  /** Index in {@link #array()} of the next unread byte. */
  int pos() {
    return pos;
  }

  int available() {
    return limit - pos;
  }

  /** File offset of the next unread byte. */
  long offset() {
    return windowStart + pos;
  }

  long fileSize() {
    return fileSize;
  }

  void skip(int n) {
    pos += n;
  }

  /**
   * Makes at least {@code n} bytes readable at {@link #pos()}, growing the array if a record is
   * larger than it; false when the file ends first (the bytes that are there stay readable).
   */
  boolean ensure(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (eof) {
      return false;
    }
    int remaining = limit - pos;
    if (windows != null) {
      byte[] next = windows.next(n, buf);
      System.arraycopy(buf, pos, next, 0, remaining);
      buf = next;
    } else if (n > buf.length) {
      byte[] bigger = new byte[Math.max(n, buf.length * 2)];
      System.arraycopy(buf, pos, bigger, 0, remaining);
      buf = bigger;
    } else {
      System.arraycopy(buf, pos, buf, 0, remaining);
    }
    windowStart += pos;
    pos = 0;
    limit = remaining;
    while (limit < buf.length) {
      int wanted = Math.min(CHUNK, buf.length - limit);
      int read = readChunk(wanted);
      if (read < 0) {
        eof = true;
        break;
      }
      limit += read;
      if (read < wanted && limit >= n) {
        break; // the channel has no more for now (a pipe), and what is needed is here
      }
    }
    progress.progress(windowStart + limit, fileSize);
    return limit - pos >= n;
  }

  /** Reads up to {@code wanted} bytes to the end of the array's data; the count, or -1 at the end of the file. */
  private int readChunk(int wanted) throws IOException {
    chunk.clear().limit(wanted);
    int read = channel.read(chunk);
    if (read > 0) {
      chunk.flip().get(buf, limit, read);
    }
    return read;
  }

  /** Skips {@code n} bytes that need not be looked at (large unknown blocks), without buffering them. */
  boolean skipAhead(long n) throws IOException {
    if (limit - pos >= n) {
      pos += (int) n;
      return true;
    }
    long target = offset() + n;
    if (target > fileSize) {
      return false;
    }
    channel.position(target);
    windowStart = target;
    pos = 0;
    limit = 0;
    return true;
  }
}
