package org.tlsprobe.tls.wire;

import java.util.List;

/**
 * A CertificateRequest: the certificate types (TLS 1.2 and earlier), the signature algorithms, and the
 * acceptable CA names as DER-encoded X.500 names (certificate_authorities in TLS 1.3).
 */
public record CertificateRequest(List<Integer> certificateTypes, List<Integer> signatureAlgorithms, List<byte[]> certificateAuthorities) {
  public CertificateRequest {
    certificateTypes = List.copyOf(certificateTypes);
    signatureAlgorithms = List.copyOf(signatureAlgorithms);
    certificateAuthorities = List.copyOf(certificateAuthorities);
  }

  /** Bytes the CA names take on the wire (each with its two-byte length), as Schannel limits them. */
  public int certificateAuthoritiesSize() {
    return certificateAuthorities.stream().mapToInt(n -> n.length + 2).sum();
  }
}
