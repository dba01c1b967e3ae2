package org.tlsprobe.diagnose.cert.check;

import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** A leaf without Subject Alternative Name: modern clients ignore the CN, and pools need several names. */
public final class NoSanCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("NO_SAN", Severity.WARNING, "RFC 6125 6.4.4; RFC 2818 3.1; CA/B Baseline Requirements 7.1.2.7.12");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return c.isLeaf() && !Certificates.isCa(c.certificate());
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    if (Certificates.hasSan(c.certificate())) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(c,
        c.label() + " has no Subject Alternative Name; only clients that still fall back to the CN accept it",
        "Re-issue it with a SAN extension listing the FQDNs (pool, server, SIP domain); put the main name in the CN too."));
  }
}
