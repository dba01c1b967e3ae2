package org.tlsprobe.capture.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tlsprobe.capture.packet.AddressFormat;
import org.tlsprobe.tls.Side;

/**
 * One TCP connection: its two endpoints ("A" sent the first packet seen), a reassembler per
 * direction, and who is client. The client is the sender of the SYN, else the receiver of the
 * SYN-ACK, else the sender of a ClientHello, else the peer of a ServerHello's sender, else the side
 * with the higher (non-TLS) port. Until that is known, content is held back (bounded) and replayed.
 */
public final class TcpFlow {
  /** Ports where TLS is expected; decide who is server when nothing else does, and mark NOT_TLS candidates. */
  static final int[] TLS_PORTS = {443, 5061, 8443, 636, 993, 995, 465, 5223};
  private static final int HEAD = 6;
  private static final int MAX_DEFERRED = 64 * 1024;

  final byte[] addressA;
  final byte[] addressB;
  /**
   * The addresses again, as numbers (IPv4 in the high word's low 32 bits, IPv6 as two halves): matching a
   * packet compares them where the flow itself lies, not in two arrays elsewhere in memory (two cache misses
   * per packet on a capture with many connections).
   */
  private final int addressLength;
  private final long aHigh;
  private final long aLow;
  private final long bHigh;
  private final long bLow;
  final int portA;
  final int portB;
  final long firstFrame;
  final long firstTimeNanos;
  long lastTimeNanos;
  final StreamReassembler[] streams = new StreamReassembler[2];
  final DirectionSink[] directionSinks = new DirectionSink[2];
  final int hash;

  /** 0 when A is client, 1 when B is; -1 while unknown. */
  int clientIndex = -1;
  boolean clientSynSeen;
  int clientIsn;
  final boolean[] finSeen = new boolean[2];
  boolean resetSeen;
  long payloadBytes;
  private FlowSink sink;

  // the first bytes of each direction, to recognise a ClientHello or ServerHello
  private final byte[][] head = new byte[2][];
  private final int[] headLength = new int[2];
  private List<Object[]> deferred;
  private int deferredBytes;

  // links: hash chain, expiry list (by last activity), age list (by first frame)
  TcpFlow hashNext;
  TcpFlow lruPrev;
  TcpFlow lruNext;
  TcpFlow agePrev;
  TcpFlow ageNext;
  boolean inClosedList;

  TcpFlow(byte[] addressA, int portA, byte[] addressB, int portB, int hash, long firstFrame, long firstTimeNanos, int maxBuffered) {
    this.addressA = addressA;
    this.addressLength = addressA.length;
    this.aHigh = high(addressA, 0, addressLength);
    this.aLow = low(addressA, 0, addressLength);
    this.bHigh = high(addressB, 0, addressLength);
    this.bLow = low(addressB, 0, addressLength);
    this.portA = portA;
    this.addressB = addressB;
    this.portB = portB;
    this.hash = hash;
    this.firstFrame = firstFrame;
    this.firstTimeNanos = firstTimeNanos;
    this.lastTimeNanos = firstTimeNanos;
    for (int d = 0; d < 2; d++) {
      streams[d] = new StreamReassembler(maxBuffered);
      int dir = d;
      directionSinks[d] = new DirectionSink() {
        @Override
        public void bytes(byte[] data, int offset, int length, long frame, long timeNanos) {
          onBytes(dir, data, offset, length, frame, timeNanos);
        }

        @Override
        public void gap(long missing, long frame, long timeNanos) {
          onGap(dir, missing, frame, timeNanos);
        }
      };
    }
  }

  void attach(FlowSink sink) {
    this.sink = sink;
  }

  /** The sink the listener gave for this connection. */
  public FlowSink sink() {
    return sink;
  }

  public long firstFrame() {
    return firstFrame;
  }

  public long firstTimeNanos() {
    return firstTimeNanos;
  }

  public long lastTimeNanos() {
    return lastTimeNanos;
  }

  /** The client's endpoint as reports print it ({@code ip:port}, {@code [v6]:port}). */
  public String client() {
    return clientIndex == 1 ? AddressFormat.endpoint(addressB, portB) : AddressFormat.endpoint(addressA, portA);
  }

  public String server() {
    return clientIndex == 1 ? AddressFormat.endpoint(addressA, portA) : AddressFormat.endpoint(addressB, portB);
  }

  public int serverPort() {
    return clientIndex == 1 ? portA : portB;
  }

  /** Whether the server listens on a port where TLS is expected (443, 5061, 8443, 636, 993, 995, 465, 5223). */
  public boolean onTlsPort() {
    return isTlsPort(serverPort());
  }

  /** Payload bytes seen in both directions (retransmissions included). */
  public long payloadBytes() {
    return payloadBytes;
  }

  /** Bytes declared lost (gaps), both directions. */
  public long gapBytes() {
    return streams[0].gapBytes() + streams[1].gapBytes();
  }

  public boolean synSeen() {
    return clientSynSeen;
  }

  boolean closed() {
    return resetSeen || finSeen[0] && finSeen[1];
  }

  // ------------------------------------------------------------------ roles

  void clientIs(int dir) {
    if (clientIndex < 0) {
      clientIndex = dir;
      replay();
    }
  }

  private Side side(int dir) {
    return dir == clientIndex ? Side.CLIENT : Side.SERVER;
  }

  private void recogniseHello(int dir, byte[] data, int offset, int length) {
    if (head[dir] == null) {
      head[dir] = new byte[HEAD];
    }
    int n = Math.min(HEAD - headLength[dir], length);
    System.arraycopy(data, offset, head[dir], headLength[dir], n);
    headLength[dir] += n;
    byte[] h = head[dir];
    int hl = headLength[dir];
    if (hl >= 3 && (h[0] & 0x80) != 0 && h[0] != 0x16) {
      // SSLv2 record header: 2 bytes length, then the message type (1 client hello, 4 server hello)
      if (h[2] == 1) {
        clientIs(dir);
      } else if (h[2] == 4) {
        clientIs(1 - dir);
      }
      return;
    }
    if (hl >= HEAD && h[0] == 0x16 && h[1] == 3) {
      if (h[5] == 1) {
        clientIs(dir);
      } else if (h[5] == 2) {
        clientIs(1 - dir);
      }
    }
  }

  /** Nothing on the wire said who is who: the side on a TLS port (or the lower port) is the server. */
  void decideByPorts() {
    if (clientIndex >= 0) {
      return;
    }
    boolean aTls = isTlsPort(portA);
    boolean bTls = isTlsPort(portB);
    if (aTls != bTls) {
      clientIs(aTls ? 1 : 0);
    } else {
      clientIs(portA < portB ? 1 : 0);
    }
  }

  static boolean isTlsPort(int port) {
    for (int p : TLS_PORTS) {
      if (p == port) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ content

  void onBytes(int dir, byte[] data, int offset, int length, long frame, long time) {
    if (clientIndex < 0) {
      recogniseHello(dir, data, offset, length);
    }
    if (clientIndex >= 0) {
      sink.bytes(side(dir), data, offset, length, frame, time);
      return;
    }
    defer(new Object[] {dir, Arrays.copyOfRange(data, offset, offset + length), frame, time});
    deferredBytes += length;
    if (deferredBytes > MAX_DEFERRED || nothingToLearn()) {
      decideByPorts();
    }
  }

  /** Both directions have started with bytes that are no hello: waiting longer tells nothing. */
  private boolean nothingToLearn() {
    for (int d = 0; d < 2; d++) {
      if (headLength[d] == 0 || headLength[d] < HEAD && head[d][0] == 0x16) {
        return false;
      }
    }
    return true;
  }

  void onGap(int dir, long missing, long frame, long time) {
    if (clientIndex >= 0) {
      sink.gap(side(dir), missing, frame, time);
    } else {
      defer(new Object[] {dir, missing, frame, time});
    }
  }

  void onClose(int dir, boolean reset, long frame, long time) {
    if (clientIndex >= 0) {
      sink.close(side(dir), reset, frame, time);
    } else {
      defer(new Object[] {dir, reset, frame, time});
    }
  }

  private void defer(Object[] event) {
    if (deferred == null) {
      deferred = new ArrayList<>();
    }
    deferred.add(event);
  }

  private void replay() {
    if (deferred == null) {
      return;
    }
    List<Object[]> events = deferred;
    deferred = null;
    deferredBytes = 0;
    for (Object[] e : events) {
      Side from = side((Integer) e[0]);
      long frame = (Long) e[2];
      long time = (Long) e[3];
      if (e[1] instanceof byte[]) {
        byte[] d = (byte[]) e[1];
        sink.bytes(from, d, 0, d.length, frame, time);
      } else if (e[1] instanceof Long) {
        sink.gap(from, (Long) e[1], frame, time);
      } else {
        sink.close(from, (Boolean) e[1], frame, time);
      }
    }
  }

  /** Compares this flow's endpoints with a segment's, in either direction: 0 same direction as A->B, 1 reverse, -1 other flow. */
  int match(byte[] b, int src, int srcPort, int dst, int dstPort, int addressLength) {
    if (this.addressLength != addressLength) {
      return -1;
    }
    if (portA == srcPort && portB == dstPort && aHigh == high(b, src, addressLength) && bHigh == high(b, dst, addressLength)
        && (addressLength <= 8 || aLow == low(b, src, addressLength) && bLow == low(b, dst, addressLength))) {
      return 0;
    }
    if (portA == dstPort && portB == srcPort && aHigh == high(b, dst, addressLength) && bHigh == high(b, src, addressLength)
        && (addressLength <= 8 || aLow == low(b, dst, addressLength) && bLow == low(b, src, addressLength))) {
      return 1;
    }
    return -1;
  }

  /** An address's first 8 bytes: an IPv4 address whole (0 for no address, as the list heads have). */
  private static long high(byte[] b, int offset, int length) {
    return length == 4 ? int32(b, offset) : length == 16 ? int64(b, offset) : 0;
  }

  /** An IPv6 address's last 8 bytes (0 for IPv4). */
  private static long low(byte[] b, int offset, int length) {
    return length == 16 ? int64(b, offset + 8) : 0;
  }

  // written out byte by byte: a loop here, which C1 does not unroll, was 3% of the whole run
  private static long int32(byte[] b, int i) {
    return (b[i] & 0xffL) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
  }

  private static long int64(byte[] b, int i) {
    return int32(b, i) << 32 | int32(b, i + 4);
  }
}
