package org.tlsprobe.probe;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/**
 * The bytes of an SSL 3.0 ClientHello record (RFC 6101 5.6.1.2), built by us because Bouncy Castle's TLS
 * client cannot offer SSL 3.0: record and client version 0x0300, 32 fresh random bytes, no session id, the
 * suites as given, compression [null] and no extensions (SSL 3.0 defines none, and an SSL 3.0-only server
 * may choke on them). sslscan and testssl.sh send the same kind of hand-built hello.
 */
final class Ssl3ClientHello {
  static final int SSL3 = 0x0300;
  /** Room for the suites in one record of at most 2^14 bytes, after the hello's fixed fields. */
  static final int MAX_SUITES = (16384 - 4 - 2 - 32 - 1 - 2 - 2) / 2;

  private static final int HANDSHAKE = 22;
  private static final int CLIENT_HELLO = 1;

  private Ssl3ClientHello() {}

  static byte[] record(int[] suites, SecureRandom random) {
    if (suites.length == 0 || suites.length > MAX_SUITES) {
      throw new IllegalArgumentException(suites.length + " suites: an SSL 3.0 hello offers 1 to " + MAX_SUITES);
    }
    byte[] clientRandom = new byte[32];
    random.nextBytes(clientRandom);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    u16(body, SSL3); // client_version
    body.writeBytes(clientRandom); // SSL 3.0's random is gmt_unix_time + 28 bytes; servers only copy it
    body.write(0); // session_id: empty, a new session
    u16(body, 2 * suites.length);
    for (int s : suites) {
      u16(body, s);
    }
    body.write(1); // compression_methods: [null]
    body.write(0);
    byte[] b = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(9 + b.length);
    out.write(HANDSHAKE);
    u16(out, SSL3);
    u16(out, 4 + b.length);
    out.write(CLIENT_HELLO);
    out.write(b.length >>> 16);
    u16(out, b.length & 0xffff);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }
}
