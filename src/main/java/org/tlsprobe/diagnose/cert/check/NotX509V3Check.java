package org.tlsprobe.diagnose.cert.check;

import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/**
 * A certificate that is not X.509 v3 has no extensions: no SAN, EKU or CDP, and a v1 intermediate cannot say it
 * is a CA. OCS/Lync require v3. Old v1 roots still exist and are only a warning.
 */
public final class NotX509V3Check extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("NOT_X509_V3", Severity.ERROR,
      "RFC 5280 4.1.2.1, 6.1.4 (k); Microsoft: Office Communications Server certificate requirements (X.509 v3)");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    int v = c.certificate().getVersion();
    if (v >= 3) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(c.isRoot() ? Severity.WARNING : Severity.ERROR, c,
        c.label() + " is an X.509 v" + v + " certificate, without extensions (no SAN, EKU, CDP or CA flag)",
        c.isRoot() ? "Plan to move to a v3 root; most clients still accept a v1 root." : "Re-issue it as a v3 certificate from a CA template (any current CA does this)."));
  }
}
