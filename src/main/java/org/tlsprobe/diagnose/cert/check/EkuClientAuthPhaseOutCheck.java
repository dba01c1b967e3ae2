package org.tlsprobe.diagnose.cert.check;

import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.ChainPath;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/**
 * A publicly issued server certificate with Server Authentication but not Client Authentication: what public
 * CAs issue now that browser root programs phase Client Authentication out of TLS server certificates. It
 * cannot serve server-to-server MTLS, and a renewal of a certificate that worked will break MTLS.
 */
public final class EkuClientAuthPhaseOutCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("EKU_CLIENT_AUTH_PHASE_OUT", Severity.WARNING,
      "Chrome Root Program Policy 1.6 (serverAuth-only hierarchies, 2025-2026); CA/B Baseline Requirements 7.1.2.7.10");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return c.isLeaf() && chain.context().purpose() == Purpose.SERVER
        && chain.path().end() == ChainPath.End.TRUSTED && chain.context().trust().systemRoots();
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    if (!Eku.hasServerAuthOnly(c)) {
      return Optional.empty();
    }
    Severity s = chain.context().role().needsClientAuth() ? Severity.WARNING : Severity.INFO;
    return Optional.of(INFO.finding(s, c,
        c.label() + " is publicly issued with Server Authentication only: public CAs no longer include Client Authentication, "
            + "so it cannot authenticate this server when it dials partners over MTLS",
        "Ask the CA for a certificate with both Server and Client Authentication (a dedicated client+server or private-PKI product; "
            + "the public TLS server product no longer has it), or use a separate Client Authentication certificate for outgoing MTLS if the "
            + "server software allows it, and confirm what your partners accept."));
  }
}
