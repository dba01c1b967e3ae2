package org.tlsprobe.capture.packet;

/**
 * One decoded TCP segment, as offsets into the frame's bytes. The decoder refills one instance per
 * frame; nothing here outlives the frame unless copied.
 */
public final class TcpSegment {
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;

  public byte[] data;
  /** 4 or 16. */
  public int addressLength;
  public int srcAddress;
  public int dstAddress;
  public int srcPort;
  public int dstPort;
  /** Sequence and acknowledgement numbers, unsigned 32-bit values held in an int. */
  public int seq;
  public int ack;
  public int flags;
  public int payloadOffset;
  /** Payload bytes present in the frame. */
  public int payloadLength;
  /** Payload bytes the IP header says the segment carried (more than present when the snaplen cut it). */
  public int declaredPayloadLength;

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  /** Becomes a copy of {@code s} (the same bytes: nothing of the frame is copied). */
  public void copyOf(TcpSegment s) {
    data = s.data;
    addressLength = s.addressLength;
    srcAddress = s.srcAddress;
    dstAddress = s.dstAddress;
    srcPort = s.srcPort;
    dstPort = s.dstPort;
    seq = s.seq;
    ack = s.ack;
    flags = s.flags;
    payloadOffset = s.payloadOffset;
    payloadLength = s.payloadLength;
    declaredPayloadLength = s.declaredPayloadLength;
  }
}
