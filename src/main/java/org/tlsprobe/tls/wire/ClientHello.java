package org.tlsprobe.tls.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a ClientHello offers. {@code supportedVersions} is the supported_versions extension (empty when
 * absent); {@code sslv2Format} marks an SSLv2-compatible hello, whose {@code cipherSuites} are its
 * three-byte cipher specs ({@code 0x00XXXX} for a TLS suite, e.g. {@code 0x010080} for SSL2_RC4_128_WITH_MD5).
 */
public record ClientHello(
    int legacyVersion,
    List<Integer> supportedVersions,
    List<Integer> cipherSuites,
    Optional<String> serverName,
    List<String> alpn,
    boolean sslv2Format) {

  public ClientHello {
    supportedVersions = IntList.copyOf(supportedVersions);
    cipherSuites = IntList.copyOf(cipherSuites);
    alpn = List.copyOf(alpn);
  }

  /** Parses a ClientHello body (the bytes after the four-byte handshake header). */
  public static ClientHello parse(ByteReader r) {
    int version = r.u16("legacy_version");
    r.skip(32, "random");
    r.skip8("session_id");
    IntList suites = u16s(r.slice16("cipher_suites"), "cipher_suite");
    r.skip8("compression_methods");
    IntList versions = IntList.of();
    Optional<String> sni = Optional.empty();
    List<String> alpn = new ArrayList<>();
    if (r.hasRemaining()) { // SSLv3 and early TLS clients may send no extensions at all
      ByteReader exts = r.slice16("extensions");
      while (exts.hasRemaining()) {
        int type = exts.u16("extension_type");
        if (type != Extensions.SERVER_NAME && type != Extensions.ALPN && type != Extensions.SUPPORTED_VERSIONS) {
          exts.skip16("extension_data"); // the rest are not read: no reader made for each
          continue;
        }
        ByteReader ext = exts.slice16("extension_data");
        switch (type) {
          case Extensions.SERVER_NAME:
            sni = serverName(ext);
            break;
          case Extensions.ALPN:
            ByteReader list = ext.slice16("protocol_name_list");
            while (list.hasRemaining()) {
              alpn.add(new String(list.slice8("protocol_name").rest(), StandardCharsets.ISO_8859_1));
            }
            break;
          case Extensions.SUPPORTED_VERSIONS:
            versions = u16s(ext.slice8("supported_versions"), "version");
            break;
          default:
            break;
        }
      }
    }
    r.expectEnd();
    return new ClientHello(version, versions, suites, sni, alpn, false);
  }

  /** The two-byte codes that fill {@code r}; an odd byte left over fails as a code cut short. */
  private static IntList u16s(ByteReader r, String name) {
    int[] codes = new int[r.remaining() / 2];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = r.u16(name);
    }
    if (r.hasRemaining()) {
      r.u16(name);
    }
    return IntList.of(codes);
  }

  private static Optional<String> serverName(ByteReader ext) {
    if (!ext.hasRemaining()) {
      return Optional.empty(); // a server's empty echo; clients always send the list
    }
    ByteReader list = ext.slice16("server_name_list");
    Optional<String> name = Optional.empty();
    while (list.hasRemaining()) {
      int nameType = list.u8("name_type");
      byte[] host = list.slice16("host_name").rest();
      if (nameType == 0 && name.isEmpty()) {
        name = Optional.of(new String(host, StandardCharsets.ISO_8859_1));
      }
    }
    return name;
  }

  /**
   * Parses the body of an SSLv2-format CLIENT-HELLO (the bytes after the record header and the message
   * type byte 1): version, the three length fields, cipher specs, session id, challenge.
   */
  public static ClientHello parseSslv2(ByteReader r) {
    int version = r.u16("version");
    int specsLength = r.u16("cipher_specs_length");
    int sessionIdLength = r.u16("session_id_length");
    int challengeLength = r.u16("challenge_length");
    if (specsLength % 3 != 0) {
      throw new TlsParseException(r.structure(), "cipher_specs_length", r.offset() - 6,
          specsLength + " is not a multiple of 3");
    }
    ByteReader specs = r.slice(specsLength, "cipher_specs");
    List<Integer> suites = new ArrayList<>();
    while (specs.hasRemaining()) {
      suites.add(specs.u24("cipher_spec"));
    }
    r.skip(sessionIdLength, "session_id");
    r.skip(challengeLength, "challenge");
    r.expectEnd();
    return new ClientHello(version, List.of(), suites, Optional.empty(), List.of(), true);
  }
}
