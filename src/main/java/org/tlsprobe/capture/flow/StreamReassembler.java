package org.tlsprobe.capture.flow;

import java.util.Arrays;

/**
 * One direction of a TCP connection put back in order. Sequence numbers are unsigned 32-bit and
 * compared by their signed difference, so wrap-around needs no special case. In-order payload goes
 * straight from the frame buffer to the sink (no copy); only segments that arrive ahead of a hole are
 * copied, up to {@code maxBuffered} bytes, beyond which the hole is declared a gap. Bytes already
 * delivered (retransmissions, overlaps) are trimmed; nothing is ever invented.
 */
final class StreamReassembler {
  private final int maxBuffered;
  private boolean seqKnown;
  /** Next sequence number expected in order. */
  private int next;

  // segments that arrived ahead of a hole, sorted by sequence number
  private int count;
  private int[] seqs = new int[4];
  private byte[][] datas = new byte[4][];
  private int[] missingTails = new int[4];
  private long[] frames = new long[4];
  private long[] times = new long[4];
  private int bufferedBytes;

  private long delivered;
  private long gapBytes;
  private long retransmittedBytes;

  StreamReassembler(int maxBuffered) {
    this.maxBuffered = maxBuffered;
  }

  boolean seqKnown() {
    return seqKnown;
  }

  int next() {
    return next;
  }

  long delivered() {
    return delivered;
  }

  long gapBytes() {
    return gapBytes;
  }

  long retransmittedBytes() {
    return retransmittedBytes;
  }

  int bufferedBytes() {
    return bufferedBytes;
  }

  /** A SYN with initial sequence number {@code isn}: data starts at isn + 1. */
  void syn(int isn) {
    if (!seqKnown || delivered == 0 && count == 0) {
      next = isn + 1;
      seqKnown = true;
    }
  }

  /**
   * A segment's payload: {@code length} bytes present at {@code offset}, of {@code declared} the IP
   * header announced (the rest was cut by the snapshot length and becomes a gap).
   */
  void segment(int seq, byte[] data, int offset, int length, int declared, long frame, long time, DirectionSink sink) {
    if (declared <= 0) {
      return;
    }
    if (!seqKnown) {
      next = seq; // captured mid-stream: the first segment seen starts the stream
      seqKnown = true;
    }
    int rel = seq - next;
    if (rel > 0) {
      buffer(seq, data, offset, length, declared - length, frame, time, sink);
      return;
    }
    if (rel + declared <= 0) {
      retransmittedBytes += declared;
      return;
    }
    int skip = -rel;
    retransmittedBytes += skip;
    if (skip < length) {
      deliver(data, offset + skip, length - skip, frame, time, sink);
      missing(declared - length, frame, time, sink);
    } else {
      missing(declared - skip, frame, time, sink);
    }
    drain(sink);
  }

  /** Where the stream must have reached (a FIN's sequence number): a hole before it is a gap now. */
  void endAt(int seq, long frame, long time, DirectionSink sink) {
    if (!seqKnown) {
      return;
    }
    flush(frame, time, sink);
    int rel = seq - next;
    if (rel > 0) {
      missing(rel, frame, time, sink);
    }
  }

  /** Delivers everything still buffered, declaring the holes before it as gaps. */
  void flush(long frame, long time, DirectionSink sink) {
    while (count > 0) {
      int rel = seqs[0] - next;
      if (rel > 0) {
        missing(rel, frames[0], times[0], sink);
      }
      drain(sink);
    }
  }

  private void deliver(byte[] data, int offset, int length, long frame, long time, DirectionSink sink) {
    sink.bytes(data, offset, length, frame, time);
    next += length;
    delivered += length;
  }

  private void missing(int bytes, long frame, long time, DirectionSink sink) {
    if (bytes > 0) {
      sink.gap(bytes, frame, time);
      next += bytes;
      gapBytes += bytes;
    }
  }

  /** Delivers buffered segments that the stream has now reached. */
  private void drain(DirectionSink sink) {
    while (count > 0 && seqs[0] - next <= 0) {
      int seq = seqs[0];
      byte[] d = datas[0];
      int tail = missingTails[0];
      long frame = frames[0];
      long time = times[0];
      removeFirst();
      int skip = next - seq;
      int declared = d.length + tail;
      if (skip >= declared) {
        retransmittedBytes += declared;
        continue;
      }
      retransmittedBytes += skip;
      if (skip < d.length) {
        deliver(d, skip, d.length - skip, frame, time, sink);
        missing(tail, frame, time, sink);
      } else {
        missing(declared - skip, frame, time, sink);
      }
    }
  }

  private void buffer(int seq, byte[] data, int offset, int length, int tail, long frame, long time, DirectionSink sink) {
    int i = count;
    while (i > 0 && seqs[i - 1] - seq > 0) {
      i--;
    }
    if (i > 0 && seqs[i - 1] == seq && datas[i - 1].length + missingTails[i - 1] >= length + tail) {
      retransmittedBytes += length + tail; // the same early segment again
      return;
    }
    if (count == seqs.length) {
      int n = count * 2;
      seqs = Arrays.copyOf(seqs, n);
      datas = Arrays.copyOf(datas, n);
      missingTails = Arrays.copyOf(missingTails, n);
      frames = Arrays.copyOf(frames, n);
      times = Arrays.copyOf(times, n);
    }
    System.arraycopy(seqs, i, seqs, i + 1, count - i);
    System.arraycopy(datas, i, datas, i + 1, count - i);
    System.arraycopy(missingTails, i, missingTails, i + 1, count - i);
    System.arraycopy(frames, i, frames, i + 1, count - i);
    System.arraycopy(times, i, times, i + 1, count - i);
    seqs[i] = seq;
    datas[i] = Arrays.copyOfRange(data, offset, offset + length);
    missingTails[i] = tail;
    frames[i] = frame;
    times[i] = time;
    count++;
    bufferedBytes += length;
    // Too much waiting behind one hole: give the hole up as lost and move on.
    while (bufferedBytes > maxBuffered && count > 0) {
      missing(seqs[0] - next, frames[0], times[0], sink);
      drain(sink);
    }
  }

  private void removeFirst() {
    bufferedBytes -= datas[0].length;
    count--;
    System.arraycopy(seqs, 1, seqs, 0, count);
    System.arraycopy(datas, 1, datas, 0, count);
    System.arraycopy(missingTails, 1, missingTails, 0, count);
    System.arraycopy(frames, 1, frames, 0, count);
    System.arraycopy(times, 1, times, 0, count);
    datas[count] = null;
  }
}
