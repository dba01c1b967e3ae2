package org.tlsprobe.model;

import java.util.List;

/**
 * The federation pre-check of one partner domain (SPEC.md {@code federation}): what DNS says, every SRV
 * target address probed with MTLS (each a {@link ProbeReport}, with its SIP answer), the findings about the
 * domain and about our own certificate, and the verdict.
 *
 * @param srv the {@code _sipfederationtls._tcp} answer
 * @param clientDiscovery the client sign-in SRV answers, empty unless asked for
 * @param targets one report per SRV target address, in SRV order
 * @param findings about the domain as a whole (DNS)
 * @param ourChain our client certificate chain, empty when none was given
 * @param ourFindings about our certificate (the same EKU, name and revocation rules the partner applies)
 */
public record FederationReport(
    String domain,
    SrvLookup srv,
    List<SrvLookup> clientDiscovery,
    List<ProbeReport> targets,
    List<Finding> findings,
    List<CertificateDetails> ourChain,
    List<Finding> ourFindings,
    FederationVerdict verdict) {

  public FederationReport {
    clientDiscovery = List.copyOf(clientDiscovery);
    targets = List.copyOf(targets);
    findings = List.copyOf(findings);
    ourChain = List.copyOf(ourChain);
    ourFindings = List.copyOf(ourFindings);
  }

  /** Whether this domain fails the run (exit code 1). */
  public boolean failed() {
    return !verdict.ready();
  }
}
