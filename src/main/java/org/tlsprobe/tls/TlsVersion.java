package org.tlsprobe.tls;

/** Protocol versions as negotiated on the wire; {@link #label()} is the name SPEC.md uses in JSON. */
public enum TlsVersion {
  SSLv2(0x0002, "SSLv2"),
  SSLv3(0x0300, "SSLv3"),
  TLSv1_0(0x0301, "TLSv1.0"),
  TLSv1_1(0x0302, "TLSv1.1"),
  TLSv1_2(0x0303, "TLSv1.2"),
  TLSv1_3(0x0304, "TLSv1.3"),
  UNKNOWN(-1, "unknown");

  private final int code;
  private final String label;

  TlsVersion(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  /**
   * The version for a wire code; never throws. TLS 1.3 drafts (0x7fNN) and the experimental
   * Facebook/Google code points (0x7eNN, 0xfb1a) count as TLS 1.3, as Wireshark names them.
   */
  public static TlsVersion of(int code) {
    switch (code) {
      case 0x0002:
        return SSLv2;
      case 0x0300:
        return SSLv3;
      case 0x0301:
        return TLSv1_0;
      case 0x0302:
        return TLSv1_1;
      case 0x0303:
        return TLSv1_2;
      case 0x0304:
        return TLSv1_3;
      default:
        break;
    }
    if ((code & 0xff00) == 0x7f00 || (code & 0xff00) == 0x7e00 || code == 0xfb1a) {
      return TLSv1_3;
    }
    return UNKNOWN;
  }

  public boolean isAtLeast(TlsVersion other) {
    return this != UNKNOWN && other != UNKNOWN && code >= other.code;
  }
}
