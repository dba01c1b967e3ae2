package org.tlsprobe.tls.wire;

import java.util.List;

/** A Certificate message: the DER certificates as sent, leaf first; empty when the sender had none. */
public record CertificateMessage(List<byte[]> certificates) {
  public CertificateMessage {
    certificates = List.copyOf(certificates);
  }
}
