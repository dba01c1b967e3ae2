package org.tlsprobe.capture.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tlsprobe.capture.packet.PacketDecoder;
import org.tlsprobe.capture.packet.TcpSegment;
import org.tlsprobe.capture.pcap.RecordedFrame;

/** Rewrites real Ethernet/IPv4/TCP frames for reassembly cases: slice payloads, shift sequence numbers. */
final class SegmentEditor {
  private SegmentEditor() {}

  /** The decoded TCP view of a frame (offsets into its own data). */
  static TcpSegment tcp(RecordedFrame f) {
    TcpSegment s = new TcpSegment();
    if (!new PacketDecoder().decode(f.linkType(), f.data(), 0, f.data().length, s)) {
      throw new IllegalArgumentException("frame " + f.number() + " is not TCP");
    }
    return s;
  }

  static int payloadLength(RecordedFrame f) {
    return tcp(f).payloadLength;
  }

  static int srcPort(RecordedFrame f) {
    return tcp(f).srcPort;
  }

  private static int tcpStart(RecordedFrame f) {
    TcpSegment s = tcp(f);
    int ipStart = s.srcAddress - 12;
    return ipStart + (f.data()[ipStart] & 0x0F) * 4;
  }

  /** The frame with payload bytes [from, to) only; sequence number and IP length follow. */
  static RecordedFrame slice(RecordedFrame f, int from, int to) {
    TcpSegment s = tcp(f);
    int ipStart = s.srcAddress - 12;
    byte[] d = new byte[s.payloadOffset + (to - from)];
    System.arraycopy(f.data(), 0, d, 0, s.payloadOffset);
    System.arraycopy(f.data(), s.payloadOffset + from, d, s.payloadOffset, to - from);
    int total = d.length - ipStart;
    d[ipStart + 2] = (byte) (total >> 8);
    d[ipStart + 3] = (byte) total;
    RecordedFrame out = f.withData(d);
    return withSeq(out, s.seq + from);
  }

  static RecordedFrame withSeq(RecordedFrame f, int seq) {
    byte[] d = f.data().clone();
    putInt(d, tcpStart(f) + 4, seq);
    return f.withData(d);
  }

  /** Adds {@code delta} to the sequence numbers sent from {@code port} and to the peer's acknowledgements of them. */
  static List<RecordedFrame> shiftSequence(List<RecordedFrame> frames, int port, int delta) {
    List<RecordedFrame> out = new ArrayList<>();
    for (RecordedFrame f : frames) {
      TcpSegment s = tcp(f);
      byte[] d = f.data().clone();
      int t = tcpStart(f);
      if (s.srcPort == port) {
        putInt(d, t + 4, s.seq + delta);
      } else if (s.has(TcpSegment.ACK)) {
        putInt(d, t + 8, s.ack + delta);
      }
      out.add(f.withData(d));
    }
    return out;
  }

  /** Frames numbered 1.. again in list order. */
  static List<RecordedFrame> renumber(List<RecordedFrame> frames) {
    List<RecordedFrame> out = new ArrayList<>();
    for (RecordedFrame f : frames) {
      out.add(new RecordedFrame(out.size() + 1, f.timeNanos(), f.linkType(), f.data(), f.originalLength()));
    }
    return out;
  }

  static byte[] payload(RecordedFrame f) {
    TcpSegment s = tcp(f);
    return Arrays.copyOfRange(f.data(), s.payloadOffset, s.payloadOffset + s.payloadLength);
  }

  private static void putInt(byte[] d, int i, int v) {
    d[i] = (byte) (v >>> 24);
    d[i + 1] = (byte) (v >>> 16);
    d[i + 2] = (byte) (v >>> 8);
    d[i + 3] = (byte) v;
  }
}
