package org.tlsprobe.model;

import java.util.List;
import java.util.Map;

/**
 * One probed address of one target as reports show it (SPEC.md JSON "probe"): the judge's diagnosis plus
 * what only a live probe knows.
 *
 * @param target the target as typed
 * @param address the {@code ip:port} connected to, null when the name did not resolve
 * @param sni the server name sent, null when none
 * @param tlsVersion e.g. {@code TLSv1.2}; null when no ServerHello came
 * @param cipherSuite the IANA name of the suite the server chose; null when none
 * @param clientCaNames the DNs of the server's CertificateRequest; null when it sent none
 * @param clientCaNamesBytes the bytes those names take on the wire (Schannel truncates at about 16 KB), null when none
 * @param timing milliseconds per phase
 * @param failure what kept the connection or handshake from happening beyond the transcript (DNS, refused,
 *     timed out, a suite the probe cannot perform); null when none
 * @param versions accepted versions, newest first; null unless enumerated
 * @param cipherSuites accepted suites per version (server's order of preference); null unless enumerated
 * @param sip the SIP OPTIONS answer; null when none was asked for or none came
 */
public record ProbeReport(
    String target,
    String address,
    String sni,
    Diagnosis diagnosis,
    String tlsVersion,
    String cipherSuite,
    List<String> clientCaNames,
    Integer clientCaNamesBytes,
    Timing timing,
    String failure,
    List<String> versions,
    Map<String, List<String>> cipherSuites,
    SipAnswer sip) {

  /** Milliseconds per phase; null when the phase did not happen. */
  public record Timing(Long dns, Long connect, Long handshake) {}

  /** Whether this result fails the run (exit code 1): an outcome other than OK, or an error finding. */
  public boolean failed() {
    return !diagnosis.outcome().isOk() || diagnosis.hasError();
  }

  public ProbeReport withSip(SipAnswer answer) {
    return new ProbeReport(target, address, sni, diagnosis, tlsVersion, cipherSuite, clientCaNames, clientCaNamesBytes,
        timing, failure, versions, cipherSuites, answer);
  }
}
