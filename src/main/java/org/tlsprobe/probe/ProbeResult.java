package org.tlsprobe.probe;

import java.util.List;
import java.util.Optional;
import org.tlsprobe.model.HandshakeObservation;

/**
 * What probing one address of one target showed. Facts only: the judge decides.
 *
 * @param target the target as typed
 * @param address the {@code ip:port} connected to ({@code [v6]:port}); null when the name did not resolve
 * @param sni the server name sent, null when none
 * @param observation the handshake as seen; empty when no TCP connection was made
 * @param connectFailure why no connection was made (DNS, refused, timeout); empty when connected
 * @param clientCaNames the distinguished names of the server's CertificateRequest (RFC 4514 strings, as sent);
 *     null when the server sent no CertificateRequest
 * @param timedOut whether the handshake phase ran into the timeout
 * @param localFailure what the probe's own TLS stack could not do (e.g. a suite it cannot perform), null if none
 * @param applicationResponse the answer to {@link ApplicationExchange}, empty when none was asked or none came
 * @param enumeration the versions and suites accepted, when enumerated
 */
public record ProbeResult(
    Target target,
    String address,
    String sni,
    Timing timing,
    Optional<HandshakeObservation> observation,
    Optional<String> connectFailure,
    List<String> clientCaNames,
    boolean timedOut,
    String localFailure,
    Optional<ApplicationAnswer> applicationResponse,
    Optional<Enumeration> enumeration) {

  public ProbeResult withEnumeration(Enumeration e) {
    return new ProbeResult(target, address, sni, timing, observation, connectFailure, clientCaNames, timedOut,
        localFailure, applicationResponse, Optional.of(e));
  }
}
