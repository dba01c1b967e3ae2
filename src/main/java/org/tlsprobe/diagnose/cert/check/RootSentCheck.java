package org.tlsprobe.diagnose.cert.check;

import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Verdict;
import org.tlsprobe.model.Severity;

/** The chain includes its self-signed root, which clients ignore (they must already hold it). */
public final class RootSentCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("ROOT_SENT", Severity.INFO, "RFC 8446 4.4.2 (\"MAY be omitted\"); RFC 5246 7.4.2");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict check(ChainAnalysis chain) {
    if (chain.context().presented().size() < 2 || chain.context().purpose() == Purpose.CA) { // nothing is sent
      return Verdict.notApplicable(INFO);
    }
    for (CertificateInChain c : chain.certificates()) {
      if (c.index() != null && !c.isLeaf() && Certificates.isSelfSigned(c.certificate())) {
        return Verdict.fail(INFO, INFO.finding(c,
            "The chain includes its root " + c.label() + "; clients ignore it and use their own copy",
            "Nothing breaks; leaving the root out makes the handshake smaller."));
      }
    }
    return Verdict.pass(INFO);
  }
}
