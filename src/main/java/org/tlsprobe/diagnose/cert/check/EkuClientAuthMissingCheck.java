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

/**
 * A leaf whose EKU does not allow Client Authentication. A client chain always needs it; a server needs it
 * when it also dials other servers with the same certificate (MTLS roles: error), otherwise it is only noted.
 */
public final class EkuClientAuthMissingCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("EKU_CLIENT_AUTH_MISSING", Severity.ERROR,
      "RFC 5280 4.2.1.12; Microsoft: Lync/Skype for Business server certificates need Server and Client Authentication for MTLS");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return c.isLeaf();
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    if (Certificates.ekuAllows(c.certificate(), Certificates.EKU_CLIENT_AUTH)) {
      return Optional.empty();
    }
    boolean client = chain.context().purpose() == Purpose.CLIENT;
    Severity s = client || chain.context().role().needsClientAuth() ? Severity.ERROR : Severity.INFO;
    String why = client ? "so it cannot authenticate as a TLS client"
        : s == Severity.ERROR ? "so it cannot open MTLS connections to other servers (role " + chain.context().role().label() + ")"
        : "fine for a server only; it could not be used to dial other servers over MTLS";
    return Optional.of(INFO.finding(s, c,
        c.label() + " lacks Client Authentication (1.3.6.1.5.5.7.3.2) in its Extended Key Usage " + Eku.list(c) + ", " + why,
        s == Severity.INFO ? "" : "Re-issue it with both Server Authentication and Client Authentication (enterprise CA: a web server "
            + "template with Client Authentication added; public CA: ask for a certificate that includes Client Authentication)."));
  }
}
