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
    ByteReader suitesReader = r.slice16("cipher_suites");
    int[] suites = new int[suitesReader.remaining() / 2];
    for (int i = 0; i < suites.length; i++) {
      suites[i] = suitesReader.u16("cipher_suite");
    }
    if (suitesReader.hasRemaining()) {
      suitesReader.u16("cipher_suite"); // an odd byte: fails as a cipher suite cut short
    }
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
            ByteReader vs = ext.slice8("supported_versions");
            int[] listed = new int[vs.remaining() / 2];
            for (int i = 0; i < listed.length; i++) {
              listed[i] = vs.u16("version");
            }
            if (vs.hasRemaining()) {
              vs.u16("version");
            }
            versions = IntList.of(listed);
            break;
          default:
            break;
        }
      }
    }
    r.expectEnd();
    return new ClientHello(version, versions, IntList.of(suites), sni, alpn, false);
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
