package org.tlsprobe.diagnose.cert.check;

import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.ChainPath;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Verdict;
import org.tlsprobe.model.Severity;

/** The leaf signs itself: nobody can trust it without installing this very certificate. */
public final class SelfSignedCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("SELF_SIGNED", Severity.ERROR, "RFC 5280 3.2, 6.1");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict check(ChainAnalysis chain) {
    CertificateInChain leaf = chain.leaf();
    if (!leaf.isLeaf()) {
      return Verdict.notApplicable(INFO); // CA certificates on their own: a self-signed root is what a root is
    }
    if (!Certificates.isSelfSigned(leaf.certificate())) {
      return Verdict.pass(INFO);
    }
    boolean trusted = chain.path().end() == ChainPath.End.TRUSTED;
    return Verdict.fail(INFO, INFO.finding(trusted ? Severity.WARNING : Severity.ERROR, leaf,
        leaf.label() + " is self-signed" + (trusted ? "; it is trusted here only because it is itself a trust anchor" : ""),
        "Replace it with a certificate issued by your enterprise CA (for internal servers) or a public CA (for edges and federation); "
            + "a self-signed certificate must be installed as a trusted root on every client."));
  }
}
