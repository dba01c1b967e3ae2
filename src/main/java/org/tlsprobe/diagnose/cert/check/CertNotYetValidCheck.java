package org.tlsprobe.diagnose.cert.check;

import java.time.Instant;
import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** A certificate on the path is not valid yet at the evaluation instant. */
public final class CertNotYetValidCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("CERT_NOT_YET_VALID", Severity.ERROR, "RFC 5280 4.1.2.5, 6.1.3 (a)(2)");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    Instant at = chain.context().at();
    Instant notBefore = c.certificate().getNotBefore().toInstant();
    if (!at.isBefore(notBefore)) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(c,
        c.label() + " is not valid until " + Days.date(notBefore) + " (evaluated on " + Days.day(at) + ")",
        "Check the clocks of the server and the clients (time zone, NTP); or wait until the certificate becomes valid before binding it."));
  }
}
