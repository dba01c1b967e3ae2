package org.tlsprobe.tls.wire;

import java.util.List;
import java.util.Optional;

/**
 * What a ClientHello offers. {@code supportedVersions} is the supported_versions extension (empty when
 * absent); {@code sslv2Format} marks an SSLv2-compatible hello.
 */
public record ClientHello(
    int legacyVersion,
    List<Integer> supportedVersions,
    List<Integer> cipherSuites,
    Optional<String> serverName,
    List<String> alpn,
    boolean sslv2Format) {

  public ClientHello {
    supportedVersions = List.copyOf(supportedVersions);
    cipherSuites = List.copyOf(cipherSuites);
    alpn = List.copyOf(alpn);
  }
}
