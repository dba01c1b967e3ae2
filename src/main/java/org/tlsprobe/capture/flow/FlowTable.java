package org.tlsprobe.capture.flow;

import java.util.Arrays;
import org.tlsprobe.capture.packet.TcpSegment;

/**
 * The live TCP connections of a capture, keyed by 4-tuple. A packet that carries nothing new (a
 * pure ACK) costs one hash probe and two pointer moves, no allocation. Connections end after FIN
 * both ways or an RST plus a short linger in capture time (late RSTs and ACKs still belong to them),
 * after a long idle time, or on a new SYN for the same 4-tuple; they are then handed to the listener
 * and forgotten, so memory follows the number of concurrent connections, not the file size.
 */
public final class FlowTable {
  /** Defaults: 1 MiB buffered ahead of a hole per direction, 5 s linger after close, 5 min idle. */
  public static final int DEFAULT_MAX_BUFFERED = 1 << 20;
  public static final long DEFAULT_LINGER_NANOS = 5_000_000_000L;
  public static final long DEFAULT_IDLE_NANOS = 300_000_000_000L;

  private final FlowListener listener;
  private final int maxBuffered;
  private final long lingerNanos;
  private final long idleNanos;

  private TcpFlow[] buckets = new TcpFlow[1024];
  private int size;
  private long now = Long.MIN_VALUE;
  private long flowsSeen;

  // expiry lists: oldest activity first
  private final TcpFlow openHead = sentinel();
  private final TcpFlow closedHead = sentinel();
  // all live flows by first frame
  private final TcpFlow ageHead = sentinel();

  public FlowTable(FlowListener listener) {
    this(listener, DEFAULT_MAX_BUFFERED, DEFAULT_LINGER_NANOS, DEFAULT_IDLE_NANOS);
  }

  public FlowTable(FlowListener listener, int maxBuffered, long lingerNanos, long idleNanos) {
    this.listener = listener;
    this.maxBuffered = maxBuffered;
    this.lingerNanos = lingerNanos;
    this.idleNanos = idleNanos;
  }

  private static TcpFlow sentinel() {
    TcpFlow s = new TcpFlow(new byte[0], 0, new byte[0], 0, 0, 0, 0, 0);
    s.lruPrev = s;
    s.lruNext = s;
    s.agePrev = s;
    s.ageNext = s;
    return s;
  }

  /** Connections currently held. */
  public int size() {
    return size;
  }

  /** Connections started so far. */
  public long flowsSeen() {
    return flowsSeen;
  }

  /** First frame of the oldest connection still held, or {@code Long.MAX_VALUE} when none is. */
  public long oldestFirstFrame() {
    return ageHead.ageNext == ageHead ? Long.MAX_VALUE : ageHead.ageNext.firstFrame;
  }

  /** One segment of a connection whose {@link #hash(TcpSegment)} is {@code hash}. */
  public void segment(TcpSegment s, int hash, long frame, long time) {
    if (time > now) {
      now = time;
      expire();
    }
    byte[] b = s.data;
    int index = hash & (buckets.length - 1);
    TcpFlow flow = buckets[index];
    int dir = -1;
    while (flow != null) {
      if (flow.hash == hash && (dir = flow.match(b, s.srcAddress, s.srcPort, s.dstAddress, s.dstPort, s.addressLength)) >= 0) {
        break;
      }
      flow = flow.hashNext;
    }
    boolean syn = s.has(TcpSegment.SYN);
    boolean ack = s.has(TcpSegment.ACK);
    if (syn && !ack) {
      if (flow != null) {
        if (dir == flow.clientIndex && flow.clientSynSeen && flow.clientIsn == s.seq && !flow.closed()) {
          touch(flow, time); // the same SYN again
          return;
        }
        finish(flow); // port reuse: a new connection on the same 4-tuple
      }
      flow = create(s, hash, frame, time);
      dir = 0;
      flow.clientSynSeen = true;
      flow.clientIsn = s.seq;
      flow.clientIs(0);
    } else if (flow == null) {
      if (s.declaredPayloadLength <= 0 && !syn) {
        return; // an ACK, FIN or RST of a connection we never saw carry anything: nothing to report
      }
      flow = create(s, hash, frame, time);
      dir = 0;
    }
    if (syn) {
      if (ack) {
        flow.clientIs(1 - dir);
      }
      flow.streams[dir].syn(s.seq);
    }
    if (s.declaredPayloadLength > 0) {
      flow.payloadBytes += s.payloadLength;
      flow.streams[dir].segment(syn ? s.seq + 1 : s.seq, b, s.payloadOffset, s.payloadLength, s.declaredPayloadLength, frame, time,
          flow.directionSinks[dir]);
    }
    if (s.has(TcpSegment.FIN)) {
      flow.streams[dir].endAt(s.seq + s.declaredPayloadLength + (syn ? 1 : 0), frame, time, flow.directionSinks[dir]);
      flow.finSeen[dir] = true;
      flow.onClose(dir, false, frame, time);
    }
    if (s.has(TcpSegment.RST)) {
      flow.streams[0].flush(frame, time, flow.directionSinks[0]);
      flow.streams[1].flush(frame, time, flow.directionSinks[1]);
      flow.resetSeen = true;
      flow.onClose(dir, true, frame, time);
    }
    touch(flow, time);
  }

  /** Hands every remaining connection to the listener, oldest first (end of the capture). */
  public void finishAll() {
    while (ageHead.ageNext != ageHead) {
      finish(ageHead.ageNext);
    }
  }

  private TcpFlow create(TcpSegment s, int hash, long frame, long time) {
    byte[] b = s.data;
    TcpFlow flow = new TcpFlow(Arrays.copyOfRange(b, s.srcAddress, s.srcAddress + s.addressLength), s.srcPort,
        Arrays.copyOfRange(b, s.dstAddress, s.dstAddress + s.addressLength), s.dstPort, hash, frame, time, maxBuffered);
    flow.attach(listener.started(flow));
    int index = hash & (buckets.length - 1);
    flow.hashNext = buckets[index];
    buckets[index] = flow;
    size++;
    flowsSeen++;
    // age list: append (frames only grow)
    flow.agePrev = ageHead.agePrev;
    flow.ageNext = ageHead;
    ageHead.agePrev.ageNext = flow;
    ageHead.agePrev = flow;
    // expiry list
    flow.lruPrev = openHead.lruPrev;
    flow.lruNext = openHead;
    openHead.lruPrev.lruNext = flow;
    openHead.lruPrev = flow;
    if (size > buckets.length * 3 / 4) {
      grow();
    }
    return flow;
  }

  private void touch(TcpFlow flow, long time) {
    if (time > flow.lastTimeNanos) {
      flow.lastTimeNanos = time;
    }
    TcpFlow head = flow.closed() ? closedHead : openHead;
    flow.inClosedList = head == closedHead;
    if (flow.lruNext == head) {
      return; // already the most recent
    }
    flow.lruPrev.lruNext = flow.lruNext;
    flow.lruNext.lruPrev = flow.lruPrev;
    flow.lruPrev = head.lruPrev;
    flow.lruNext = head;
    head.lruPrev.lruNext = flow;
    head.lruPrev = flow;
  }

  private void expire() {
    expire(closedHead, lingerNanos);
    expire(openHead, idleNanos);
  }

  private void expire(TcpFlow head, long timeout) {
    while (head.lruNext != head && now - head.lruNext.lastTimeNanos > timeout) {
      finish(head.lruNext);
    }
  }

  private void finish(TcpFlow flow) {
    // unlink everywhere first, so the listener may look at the table
    int index = flow.hash & (buckets.length - 1);
    if (buckets[index] == flow) {
      buckets[index] = flow.hashNext;
    } else {
      TcpFlow f = buckets[index];
      while (f.hashNext != flow) {
        f = f.hashNext;
      }
      f.hashNext = flow.hashNext;
    }
    flow.lruPrev.lruNext = flow.lruNext;
    flow.lruNext.lruPrev = flow.lruPrev;
    flow.agePrev.ageNext = flow.ageNext;
    flow.ageNext.agePrev = flow.agePrev;
    size--;
    flow.decideByPorts();
    long frame = 0;
    long time = flow.lastTimeNanos;
    flow.streams[0].flush(frame, time, flow.directionSinks[0]);
    flow.streams[1].flush(frame, time, flow.directionSinks[1]);
    listener.finished(flow);
  }

  private void grow() {
    TcpFlow[] old = buckets;
    buckets = new TcpFlow[old.length * 2];
    for (TcpFlow head : old) {
      TcpFlow f = head;
      while (f != null) {
        TcpFlow next = f.hashNext;
        int index = f.hash & (buckets.length - 1);
        f.hashNext = buckets[index];
        buckets[index] = f;
        f = next;
      }
    }
  }

  /** The segment's connection's hash: the same for both directions. */
  public static int hash(TcpSegment s) {
    return hash(s.data, s.srcAddress, s.srcPort, s.dstAddress, s.dstPort, s.addressLength);
  }

  /** The same for both directions of a connection. */
  public static int hash(byte[] b, int src, int srcPort, int dst, int dstPort, int length) {
    int a = mixAddress(b, src, length) * 31 + srcPort;
    int c = mixAddress(b, dst, length) * 31 + dstPort;
    int h = (a ^ c) * 0x9E3779B9 + (a + c);
    return h ^ h >>> 16;
  }

  private static int mixAddress(byte[] b, int off, int length) {
    int h = 0;
    for (int i = 0; i < length; i += 4) {
      int w = (b[off + i] & 0xFF) << 24 | (b[off + i + 1] & 0xFF) << 16 | (b[off + i + 2] & 0xFF) << 8 | (b[off + i + 3] & 0xFF);
      h = h * 0x01000193 ^ w;
    }
    return h * 0x85EBCA6B ^ h >>> 13;
  }
}
