package org.tlsprobe.diagnose.cert.check;

import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** A server's leaf with an EKU extension that does not allow Server Authentication (absent EKU allows all). */
public final class EkuServerAuthMissingCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("EKU_SERVER_AUTH_MISSING", Severity.ERROR, "RFC 5280 4.2.1.12; RFC 5246 7.4.2");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return c.isLeaf() && chain.context().purpose() == Purpose.SERVER;
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    if (Certificates.ekuAllows(c.certificate(), Certificates.EKU_SERVER_AUTH)) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(c,
        c.label() + " lacks Server Authentication (1.3.6.1.5.5.7.3.1) in its Extended Key Usage " + Eku.list(c),
        "Re-issue it from a template with Server Authentication (and Client Authentication for servers that talk MTLS to other servers)."));
  }
}
