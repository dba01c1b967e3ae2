package org.tlsprobe.tls.wire;

/** Extension type codes (IANA "TLS ExtensionType Values") that tlsprobe reads. */
final class Extensions {
  static final int SERVER_NAME = 0;
  static final int SIGNATURE_ALGORITHMS = 13;
  static final int ALPN = 16;
  static final int SUPPORTED_VERSIONS = 43;
  static final int CERTIFICATE_AUTHORITIES = 47;

  private Extensions() {}
}
