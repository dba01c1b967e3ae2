package org.tlsprobe.tls.wire;

import java.util.Arrays;
import java.util.Optional;
import org.tlsprobe.tls.TlsVersion;

/**
 * What a ServerHello chose. {@code selectedVersion} is the supported_versions extension (TLS 1.3),
 * empty when absent; {@code helloRetryRequest} marks the RFC 8446 HRR form.
 */
public record ServerHello(int legacyVersion, Optional<Integer> selectedVersion, int cipherSuite, boolean helloRetryRequest) {

  /** RFC 8446 section 4.1.3: the random of a HelloRetryRequest, SHA-256("HelloRetryRequest"). */
  private static final byte[] HRR_RANDOM = {
      (byte) 0xCF, 0x21, (byte) 0xAD, 0x74, (byte) 0xE5, (byte) 0x9A, 0x61, 0x11,
      (byte) 0xBE, 0x1D, (byte) 0x8C, 0x02, 0x1E, 0x65, (byte) 0xB8, (byte) 0x91,
      (byte) 0xC2, (byte) 0xA2, 0x11, 0x16, 0x7A, (byte) 0xBB, (byte) 0x8C, 0x5E,
      0x07, (byte) 0x9E, 0x09, (byte) 0xE2, (byte) 0xC8, (byte) 0xA8, 0x33, (byte) 0x9C};

  /** The version the server chose: supported_versions when present, else the legacy field. */
  public TlsVersion version() {
    return TlsVersion.of(selectedVersion.orElse(legacyVersion));
  }

  /** Parses a ServerHello body (the bytes after the four-byte handshake header). */
  public static ServerHello parse(ByteReader r) {
    int version = r.u16("legacy_version");
    byte[] random = r.bytes(32, "random");
    boolean hrr = Arrays.equals(random, HRR_RANDOM);
    if (isEarlyDraft(version)) {
      // TLS 1.3 drafts before 22 had no session id and no compression method in the ServerHello
      int suite = r.u16("cipher_suite");
      skipExtensions(r);
      return new ServerHello(version, Optional.empty(), suite, hrr);
    }
    r.slice8("session_id");
    int suite = r.u16("cipher_suite");
    r.u8("compression_method");
    Optional<Integer> selected = Optional.empty();
    if (r.hasRemaining()) {
      ByteReader exts = r.slice16("extensions");
      while (exts.hasRemaining()) {
        int type = exts.u16("extension_type");
        ByteReader ext = exts.slice16("extension_data");
        if (type == Extensions.SUPPORTED_VERSIONS) {
          selected = Optional.of(ext.u16("selected_version"));
        }
      }
    }
    r.expectEnd();
    return new ServerHello(version, selected, suite, hrr);
  }

  private static boolean isEarlyDraft(int version) {
    return (version & 0xff00) == 0x7f00 && (version & 0xff) < 22;
  }

  private static void skipExtensions(ByteReader r) {
    if (r.hasRemaining()) {
      r.slice16("extensions");
    }
    r.expectEnd();
  }

  /**
   * Parses an SSLv2 SERVER-HELLO body (after the record header and the message type byte 4). The
   * first cipher spec the server lists stands for the chosen one; the certificate is not kept.
   */
  public static ServerHello parseSslv2(ByteReader r) {
    r.u8("session_id_hit");
    r.u8("certificate_type");
    int version = r.u16("server_version");
    int certLength = r.u16("certificate_length");
    int specsLength = r.u16("cipher_specs_length");
    int connectionIdLength = r.u16("connection_id_length");
    r.skip(certLength, "certificate");
    ByteReader specs = r.slice(specsLength, "cipher_specs");
    int first = specs.hasRemaining() ? specs.u24("cipher_spec") : -1;
    r.skip(connectionIdLength, "connection_id");
    r.expectEnd();
    return new ServerHello(version, Optional.empty(), first, false);
  }
}
