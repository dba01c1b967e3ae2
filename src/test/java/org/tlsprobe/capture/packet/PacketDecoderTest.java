package org.tlsprobe.capture.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsprobe.capture.CaptureFiles;
import org.tlsprobe.capture.pcap.LinkType;
import org.tlsprobe.capture.pcap.RecordedFrame;

/**
 * The real ClientHello segment of zeek/client-certificate.pcap, re-wrapped in every link layer we
 * read (and in IPv6 with extension headers): the same TCP segment must come out of each.
 */
class PacketDecoderTest {
  static byte[] ethernet;
  static byte[] ip;
  static byte[] tcp;
  static TcpSegment expected;

  @BeforeAll
  static void realSegment() throws Exception {
    RecordedFrame hello = RecordedFrame.readAll(CaptureFiles.publicFile("zeek/client-certificate.pcap")).get(3);
    ethernet = hello.data();
    ip = Arrays.copyOfRange(ethernet, 14, ethernet.length);
    int ihl = (ip[0] & 0x0F) * 4;
    tcp = Arrays.copyOfRange(ip, ihl, ((ip[2] & 0xFF) << 8 | (ip[3] & 0xFF)));
    expected = decode(LinkType.ETHERNET, ethernet);
    assertTrue(expected.payloadLength > 500, "the ClientHello segment");
  }

  static TcpSegment decode(int linkType, byte[] frame) {
    TcpSegment s = new TcpSegment();
    assertTrue(new PacketDecoder().decode(linkType, frame, 0, frame.length, s), "decodes as TCP on link type " + linkType);
    return s;
  }

  static void assertSameSegment(int linkType, byte[] frame) {
    TcpSegment s = decode(linkType, frame);
    assertEquals(expected.srcPort, s.srcPort);
    assertEquals(expected.dstPort, s.dstPort);
    assertEquals(expected.seq, s.seq);
    assertEquals(expected.ack, s.ack);
    assertEquals(expected.flags, s.flags);
    assertEquals(expected.payloadLength, s.payloadLength);
    assertArrayEquals(Arrays.copyOfRange(ethernet, expected.payloadOffset, expected.payloadOffset + expected.payloadLength),
        Arrays.copyOfRange(frame, s.payloadOffset, s.payloadOffset + s.payloadLength), "payload on link type " + linkType);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void everyLinkLayer_sameSegment() {
    byte[] macs = Arrays.copyOfRange(ethernet, 0, 12);
    assertSameSegment(LinkType.ETHERNET, concat(macs, bytes(0x81, 0x00, 0x00, 0x05, 0x08, 0x00), ip));
    assertSameSegment(LinkType.ETHERNET, concat(macs, bytes(0x88, 0xa8, 0x00, 0x07, 0x81, 0x00, 0x00, 0x05, 0x08, 0x00), ip));
    assertSameSegment(LinkType.ETHERNET, concat(macs, bytes(0x91, 0x00, 0x00, 0x07, 0x81, 0x00, 0x00, 0x05, 0x08, 0x00), ip));
    assertSameSegment(LinkType.LINUX_SLL, concat(bytes(0, 0, 0, 1, 0, 6), Arrays.copyOf(macs, 8), bytes(0x08, 0x00), ip));
    assertSameSegment(LinkType.LINUX_SLL2, concat(bytes(0x08, 0x00, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6), Arrays.copyOf(macs, 8), ip));
    assertSameSegment(LinkType.NULL, concat(bytes(2, 0, 0, 0), ip));
    assertSameSegment(LinkType.NULL, concat(bytes(0, 0, 0, 2), ip));
    assertSameSegment(LinkType.LOOP, concat(bytes(0, 0, 0, 2), ip));
    for (int raw : new int[] {LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14, LinkType.IPV4}) {
      assertSameSegment(raw, ip);
    }
    // Ethernet minimum-size padding after the IP packet is not payload
    assertSameSegment(LinkType.ETHERNET, concat(ethernet, new byte[20]));
  }

  @Test
  void ipv6WithExtensionHeaders_sameSegment() {
    byte[] extensions = concat(
        bytes(60, 0, 1, 4, 0, 0, 0, 0),          // hop-by-hop -> destination options (PadN)
        bytes(43, 0, 1, 4, 0, 0, 0, 0),          // destination options -> routing
        bytes(44, 0, 0, 0, 0, 0, 0, 0),          // routing (type 0, no segments left) -> fragment
        bytes(51, 0, 0, 0, 0, 0, 0, 1),          // fragment, offset 0, last -> AH
        concat(bytes(6, 4, 0, 0), new byte[20])); // AH: (4 + 2) * 4 = 24 bytes -> TCP
    byte[] header = new byte[40];
    header[0] = 0x60;
    int payload = extensions.length + tcp.length;
    header[4] = (byte) (payload >> 8);
    header[5] = (byte) payload;
    header[6] = 0; // hop-by-hop
    header[7] = 64;
    header[23] = 1; // 2001:db8::1 style addresses are not needed: ::1 -> ::2
    header[39] = 2;
    byte[] v6 = concat(header, extensions, tcp);
    assertSameSegment(LinkType.RAW, v6);
    assertSameSegment(LinkType.IPV6, v6);
    assertSameSegment(LinkType.ETHERNET, concat(Arrays.copyOfRange(ethernet, 0, 12), bytes(0x86, 0xdd), v6));
    for (int af : new int[] {24, 28, 30}) {
      assertSameSegment(LinkType.NULL, concat(bytes(af, 0, 0, 0), v6));
    }
    assertEquals(16, decode(LinkType.RAW, v6).addressLength);
  }

  @Test
  void laterFragments_skippedAndCounted() {
    byte[] later = ip.clone();
    later[6] = 0x00;
    later[7] = (byte) 0xb9; // fragment offset 185 * 8
    PacketDecoder decoder = new PacketDecoder();
    assertFalse(decoder.decode(LinkType.RAW, later, 0, later.length, new TcpSegment()));
    assertEquals(1, decoder.fragmentsSkipped());
    byte[] first = ip.clone();
    first[6] = 0x20; // more fragments, offset 0: the first fragment carries the TCP header
    assertTrue(decoder.decode(LinkType.RAW, first, 0, first.length, new TcpSegment()));
  }

  @Test
  void frameCutInsideTheHeaders_notDecoded() {
    PacketDecoder decoder = new PacketDecoder();
    for (int cut = 0; cut < 14 + (ip[0] & 0x0F) * 4 + 20; cut++) {
      assertFalse(decoder.decode(LinkType.ETHERNET, ethernet, 0, cut, new TcpSegment()), "cut at " + cut);
    }
  }
}
