package org.tlsprobe.tls.wire;

import java.util.Optional;
import org.tlsprobe.tls.TlsVersion;

/**
 * What a ServerHello chose. {@code selectedVersion} is the supported_versions extension (TLS 1.3),
 * empty when absent; {@code helloRetryRequest} marks the RFC 8446 HRR form.
 */
public record ServerHello(int legacyVersion, Optional<Integer> selectedVersion, int cipherSuite, boolean helloRetryRequest) {

  /** The version the server chose: supported_versions when present, else the legacy field. */
  public TlsVersion version() {
    return TlsVersion.of(selectedVersion.orElse(legacyVersion));
  }
}
