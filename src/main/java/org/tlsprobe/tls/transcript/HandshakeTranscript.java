package org.tlsprobe.tls.transcript;

import java.util.List;
import java.util.Optional;
import org.tlsprobe.tls.wire.CertificateMessage;
import org.tlsprobe.tls.wire.CertificateRequest;
import org.tlsprobe.tls.wire.ClientHello;
import org.tlsprobe.tls.wire.ServerHello;

/**
 * Everything one TLS connection showed, from a capture or a live probe: the ordered events and the
 * messages worth keeping whole. Facts only; the judge in {@code diagnose} reads them.
 */
public record HandshakeTranscript(
    List<TranscriptEvent> events,
    Optional<ClientHello> clientHello,
    Optional<ServerHello> serverHello,
    Optional<CertificateMessage> serverCertificate,
    Optional<CertificateRequest> certificateRequest,
    Optional<CertificateMessage> clientCertificate) {

  public HandshakeTranscript {
    events = List.copyOf(events);
  }
}
