package org.tlsprobe.probe;

import java.util.Arrays;

/**
 * The two facts the probe needs from a ServerHello body as soon as it arrives (version and suite), read
 * within the body's bounds. The full parse belongs to {@code tls.wire}; this only steers enumeration.
 */
record ServerHelloFields(int legacyVersion, int selectedVersion, int cipherSuite, boolean helloRetryRequest) {
  private static final byte[] HRR_RANDOM = hex("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

  /** The version the server chose: supported_versions when present, else the legacy field. */
  int version() {
    return selectedVersion > 0 ? selectedVersion : legacyVersion;
  }

  /** Reads a ServerHello body (without the 4-byte handshake header); null when it is too short to say. */
  static ServerHelloFields read(byte[] b) {
    int p = 0;
    if (b.length < 2 + 32 + 1) {
      return null;
    }
    int legacy = u16(b, p);
    p += 2;
    boolean hrr = Arrays.equals(Arrays.copyOfRange(b, p, p + 32), HRR_RANDOM);
    p += 32;
    int sidLen = b[p] & 0xff;
    p += 1 + sidLen;
    if (p + 3 > b.length) {
      return null;
    }
    int suite = u16(b, p);
    p += 3; // suite + compression method
    int selected = -1;
    if (p + 2 <= b.length) {
      int end = Math.min(b.length, p + 2 + u16(b, p));
      p += 2;
      while (p + 4 <= end) {
        int type = u16(b, p);
        int len = u16(b, p + 2);
        p += 4;
        if (type == 0x002b && len >= 2 && p + 2 <= end) {
          selected = u16(b, p);
        }
        p += len;
      }
    }
    return new ServerHelloFields(legacy, selected, suite, hrr);
  }

  private static int u16(byte[] b, int p) {
    return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
