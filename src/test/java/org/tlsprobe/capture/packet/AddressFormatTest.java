package org.tlsprobe.capture.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Endpoints in the RFC 5952 form Wireshark and ss print. */
class AddressFormatTest {
  static String v6(String literal, int port) throws Exception {
    return AddressFormat.endpoint(InetAddress.getByName(literal).getAddress(), port);
  }

  @Test
  void ipv6_longestZeroRunCompressedLowerCase() throws Exception {
    assertEquals("[2001:db8::1]:5061", v6("2001:0DB8:0000:0000:0000:0000:0000:0001", 5061));
    assertEquals("[::1]:443", v6("::1", 443));
    assertEquals("[fe80::]:1", v6("fe80::", 1));
    assertEquals("[1:0:0:1::1]:2", v6("1:0:0:1:0:0:0:1", 2));
    assertEquals("[2001:db8::1:0:0:1]:3", v6("2001:db8:0:0:1:0:0:1", 3), "the first of two equal runs");
    assertEquals("[2001:db8:0:1:1:1:1:1]:4", v6("2001:db8:0:1:1:1:1:1", 4), "a single zero group stays");
    assertEquals("[::]:5", v6("::", 5));
  }

  @Test
  void ipv4_dottedAndMapped() throws Exception {
    assertEquals("10.0.0.5:50123", AddressFormat.endpoint(new byte[] {10, 0, 0, 5}, 50123));
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = (byte) 192;
    mapped[13] = (byte) 168;
    mapped[15] = 1;
    assertEquals("[::ffff:192.168.0.1]:443", AddressFormat.endpoint(mapped, 443));
  }
}
