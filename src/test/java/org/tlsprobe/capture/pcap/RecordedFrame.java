package org.tlsprobe.capture.pcap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A frame copied out of a reader, for comparing readers and for rewriting captures in tests. */
public record RecordedFrame(long number, long timeNanos, int linkType, byte[] data, long originalLength) {
  public static List<RecordedFrame> readAll(Path file) throws IOException {
    List<RecordedFrame> frames = new ArrayList<>();
    try (CaptureReader r = CaptureReader.open(file)) {
      Frame f = new Frame();
      while (r.next(f)) {
        frames.add(of(f));
      }
    }
    return frames;
  }

  public static RecordedFrame of(Frame f) {
    return new RecordedFrame(f.number, f.timeNanos, f.linkType, Arrays.copyOfRange(f.data, f.offset, f.offset + f.capturedLength), f.originalLength);
  }

  public RecordedFrame withData(byte[] newData) {
    return new RecordedFrame(number, timeNanos, linkType, newData, originalLength - data.length + newData.length);
  }

  public RecordedFrame withTime(long nanos) {
    return new RecordedFrame(number, nanos, linkType, data, originalLength);
  }
}
