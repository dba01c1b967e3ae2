package org.tlsprobe.diagnose.cert.check;

import java.time.Instant;
import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** A certificate on the path has expired at the evaluation instant. */
public final class CertExpiredCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("CERT_EXPIRED", Severity.ERROR, "RFC 5280 4.1.2.5, 6.1.3 (a)(2)");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    Instant at = chain.context().at();
    Instant notAfter = c.certificate().getNotAfter().toInstant();
    if (!at.isAfter(notAfter)) {
      return Optional.empty();
    }
    String advice = c.isLeaf()
        ? "Renew the certificate, bind the new one to the listener (e.g. 5061/443), and only then remove the old one."
        : "Install the CA's current certificate (and its new CRL) where the chain is built, and re-issue certificates it signed if the CA key changed.";
    return Optional.of(INFO.finding(c,
        c.label() + " expired on " + Days.date(notAfter) + " (" + Days.count(Days.between(notAfter, at)) + " before " + Days.day(at) + ")",
        advice));
  }
}
