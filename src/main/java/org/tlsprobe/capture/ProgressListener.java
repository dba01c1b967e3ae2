package org.tlsprobe.capture;

/**
 * Told how far reading a file has got, once per buffer refill (a few MB), never per packet, so a
 * progress bar costs nothing on the hot path. Called on the analyzing thread.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (read, total) -> {};

  /** @param bytesRead bytes of the file consumed so far; @param totalBytes the file's size */
  void progress(long bytesRead, long totalBytes);
}
