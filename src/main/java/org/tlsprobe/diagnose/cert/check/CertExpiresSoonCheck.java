package org.tlsprobe.diagnose.cert.check;

import java.time.Instant;
import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** A certificate on the path expires within the warning horizon ({@code --warn-days}). */
public final class CertExpiresSoonCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("CERT_EXPIRES_SOON", Severity.WARNING, "RFC 5280 4.1.2.5");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return chain.context().warnDays() > 0;
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    Instant at = chain.context().at();
    Instant notAfter = c.certificate().getNotAfter().toInstant();
    if (at.isAfter(notAfter) || at.plus(java.time.Duration.ofDays(chain.context().warnDays())).isBefore(notAfter)) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(c,
        c.label() + " expires on " + Days.date(notAfter) + ", in " + Days.count(Days.between(at, notAfter)),
        "Renew it now; when the new one is installed, bind it to the listener before removing the old one."));
  }
}
