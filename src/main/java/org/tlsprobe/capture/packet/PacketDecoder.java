package org.tlsprobe.capture.packet;

import org.tlsprobe.capture.pcap.LinkType;

/**
 * Link layer, IPv4/IPv6 and TCP headers, decoded in place. Anything that is not a whole TCP header
 * (other protocols, ARP, non-first IP fragments, frames cut inside a header) is counted and skipped.
 */
public final class PacketDecoder {
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86DD;
  private static final int ETHERTYPE_VLAN = 0x8100;
  private static final int ETHERTYPE_QINQ = 0x88A8;
  private static final int ETHERTYPE_QINQ_OLD = 0x9100;
  private static final int PROTO_TCP = 6;

  private long fragmentsSkipped;
  private long unsupportedLinkTypeFrames;
  private long cutShort;

  /** IPv4 fragments after the first, and IPv6 fragments with a non-zero offset, skipped (no IP reassembly). */
  public long fragmentsSkipped() {
    return fragmentsSkipped;
  }

  public long unsupportedLinkTypeFrames() {
    return unsupportedLinkTypeFrames;
  }

  /** Frames whose IP or TCP header was cut by the snapshot length. */
  public long cutShort() {
    return cutShort;
  }

  /** Decodes a frame into {@code out}; false when it is not a TCP segment we can use. */
  public boolean decode(int linkType, byte[] b, int off, int len, TcpSegment out) {
    int end = off + len;
    switch (linkType) {
      case LinkType.ETHERNET:
        if (len < 14) {
          return false;
        }
        return etherType(u16(b, off + 12), b, off + 14, end, out);
      case LinkType.LINUX_SLL:
        if (len < 16) {
          return false;
        }
        return etherType(u16(b, off + 14), b, off + 16, end, out);
      case LinkType.LINUX_SLL2:
        if (len < 20) {
          return false;
        }
        return etherType(u16(b, off), b, off + 20, end, out);
      case LinkType.NULL:
      case LinkType.LOOP:
        return loopback(linkType, b, off, end, out);
      case LinkType.RAW:
      case LinkType.RAW_12:
      case LinkType.RAW_14:
        return len > 0 && ip(b, off, end, out);
      case LinkType.IPV4:
        return len > 0 && ipv4(b, off, end, out);
      case LinkType.IPV6:
        return len > 0 && ipv6(b, off, end, out);
      default:
        unsupportedLinkTypeFrames++;
        return false;
    }
  }

  private boolean etherType(int type, byte[] b, int p, int end, TcpSegment out) {
    while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
      if (p + 4 > end) {
        return false;
      }
      type = u16(b, p + 2);
      p += 4;
    }
    if (type == ETHERTYPE_IPV4) {
      return ipv4(b, p, end, out);
    }
    if (type == ETHERTYPE_IPV6) {
      return ipv6(b, p, end, out);
    }
    return false;
  }

  /** BSD loopback: a 4-byte address family, in the writer's byte order (NULL) or network order (LOOP). */
  private boolean loopback(int linkType, byte[] b, int off, int end, TcpSegment out) {
    if (end - off < 4) {
      return false;
    }
    int family = linkType == LinkType.LOOP ? i32be(b, off) : i32le(b, off);
    if (linkType == LinkType.NULL && (family & 0xFFFF) == 0) {
      family = i32be(b, off); // written on a big-endian host
    }
    switch (family) {
      case 2:
        return ipv4(b, off + 4, end, out);
      case 24:
      case 28:
      case 30:
        return ipv6(b, off + 4, end, out);
      default:
        return false;
    }
  }

  private boolean ip(byte[] b, int p, int end, TcpSegment out) {
    int version = (b[p] & 0xFF) >> 4;
    return version == 4 ? ipv4(b, p, end, out) : version == 6 && ipv6(b, p, end, out);
  }

  private boolean ipv4(byte[] b, int p, int end, TcpSegment out) {
    if (p + 20 > end) {
      cutShort++;
      return false;
    }
    int vihl = b[p] & 0xFF;
    int headerLength = (vihl & 0x0F) * 4;
    if (vihl >> 4 != 4 || headerLength < 20) {
      return false;
    }
    if ((b[p + 9] & 0xFF) != PROTO_TCP) {
      return false;
    }
    int fragment = u16(b, p + 6);
    if ((fragment & 0x1FFF) != 0) {
      fragmentsSkipped++;
      return false;
    }
    int totalLength = u16(b, p + 2);
    // 0 appears for segments captured before TCP segmentation offload split them: trust the frame.
    int ipEnd = totalLength == 0 ? end : p + totalLength;
    if (ipEnd < p + headerLength) {
      return false;
    }
    out.addressLength = 4;
    out.srcAddress = p + 12;
    out.dstAddress = p + 16;
    return tcp(b, p + headerLength, ipEnd, end, out);
  }

  private boolean ipv6(byte[] b, int p, int end, TcpSegment out) {
    if (p + 40 > end) {
      cutShort++;
      return false;
    }
    if ((b[p] & 0xFF) >> 4 != 6) {
      return false;
    }
    int payloadLength = u16(b, p + 4);
    int next = b[p + 6] & 0xFF;
    int ipEnd = payloadLength == 0 ? end : p + 40 + payloadLength;
    out.addressLength = 16;
    out.srcAddress = p + 8;
    out.dstAddress = p + 24;
    int q = p + 40;
    while (true) {
      switch (next) {
        case PROTO_TCP:
          return tcp(b, q, ipEnd, end, out);
        case 0: // hop-by-hop
        case 43: // routing
        case 60: // destination options
          if (q + 8 > end) {
            cutShort++;
            return false;
          }
          next = b[q] & 0xFF;
          q += 8 + (b[q + 1] & 0xFF) * 8;
          break;
        case 44: // fragment
          if (q + 8 > end) {
            cutShort++;
            return false;
          }
          if ((u16(b, q + 2) & 0xFFF8) != 0) {
            fragmentsSkipped++;
            return false;
          }
          next = b[q] & 0xFF;
          q += 8;
          break;
        case 51: // authentication header: length in 4-byte units, minus 2
          if (q + 8 > end) {
            cutShort++;
            return false;
          }
          next = b[q] & 0xFF;
          q += ((b[q + 1] & 0xFF) + 2) * 4;
          break;
        default:
          return false;
      }
    }
  }

  private boolean tcp(byte[] b, int p, int ipEnd, int end, TcpSegment out) {
    if (p + 20 > end || p + 20 > ipEnd) {
      cutShort++;
      return false;
    }
    int headerLength = ((b[p + 12] & 0xFF) >> 4) * 4;
    if (headerLength < 20 || p + headerLength > ipEnd) {
      return false;
    }
    if (p + headerLength > end) {
      cutShort++;
      return false;
    }
    out.data = b;
    out.srcPort = u16(b, p);
    out.dstPort = u16(b, p + 2);
    out.seq = i32be(b, p + 4);
    out.ack = i32be(b, p + 8);
    out.flags = b[p + 13] & 0xFF;
    out.payloadOffset = p + headerLength;
    out.declaredPayloadLength = ipEnd - out.payloadOffset;
    out.payloadLength = Math.min(ipEnd, end) - out.payloadOffset;
    return true;
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
  }

  private static int i32be(byte[] b, int i) {
    return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
  }

  private static int i32le(byte[] b, int i) {
    return (b[i + 3] & 0xFF) << 24 | (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
  }
}
