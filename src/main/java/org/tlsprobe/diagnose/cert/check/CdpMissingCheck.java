package org.tlsprobe.diagnose.cert.check;

import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** A CA-issued leaf without CRL Distribution Point: OCS 2007 and revocation-checking peers need one. */
public final class CdpMissingCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("CDP_MISSING", Severity.WARNING,
      "RFC 5280 4.2.1.13; Microsoft: Office Communications Server 2007 certificate requirements (CRL distribution point)");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return c.isLeaf() && !Certificates.isSelfSigned(c.certificate());
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    if (Certificates.hasCdp(c.certificate())) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(c,
        c.label() + " has no CRL Distribution Point; peers that check revocation (OCS 2007, Lync/Skype servers) reject or cannot check it",
        "Configure the CA to publish a CDP extension (HTTP URL reachable by every client) and re-issue the certificate."));
  }
}
