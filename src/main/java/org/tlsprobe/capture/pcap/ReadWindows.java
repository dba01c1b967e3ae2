package org.tlsprobe.capture.pcap;

import java.io.IOException;

/**
 * Where a reader's buffer comes from when frames it handed out must stay readable after the reader moves
 * on (worker threads read them in place, without a copy): at every refill the reader asks for another
 * array and retires the one it read from, instead of overwriting it.
 */
public interface ReadWindows {
  /**
   * An array of at least {@code minSize} bytes for the next window; the reader no longer reads
   * {@code retired} (whose frames may still be in use elsewhere).
   */
  byte[] next(int minSize, byte[] retired) throws IOException;
}
