package org.tlsprobe.capture.packet;

/** Endpoints as reports print them: {@code 10.0.0.5:50123} and {@code [2001:db8::1]:443} (RFC 5952 form). */
public final class AddressFormat {
  private AddressFormat() {}

  public static String endpoint(byte[] address, int port) {
    return address.length == 4 ? ipv4(address) + ":" + port : "[" + ipv6(address) + "]:" + port;
  }

  static String ipv4(byte[] a) {
    return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
  }

  /** Lower-case hex, leading zeros dropped, the longest run of two or more zero groups as "::" (first on a tie). */
  static String ipv6(byte[] a) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = (a[2 * i] & 0xFF) << 8 | (a[2 * i + 1] & 0xFF);
    }
    if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF) {
      // IPv4-mapped: RFC 5952 section 5 writes the IPv4 part dotted
      return "::ffff:" + ipv4(java.util.Arrays.copyOfRange(a, 12, 16));
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLength - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(g[i]));
    }
    return s.toString();
  }
}
