package org.tlsprobe.capture.pcap;

/**
 * One captured frame, as a view into the reader's buffer. The reader refills the same instance for
 * every frame, so its bytes are valid only until the next {@link CaptureReader#next(Frame)}; copy
 * what you keep.
 */
public final class Frame {
  /** 1-based frame number, as Wireshark counts (every packet record counts, IP or not). */
  public long number;
  /** Capture time in nanoseconds since the epoch. */
  public long timeNanos;
  public int linkType;
  public int interfaceId;
  public byte[] data;
  public int offset;
  public int capturedLength;
  public long originalLength;
  /** File offset where the frame's record (or block) starts. */
  public long fileOffset;
}
