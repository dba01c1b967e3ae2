package org.tlsprobe.diagnose.cert.check;

import java.security.cert.X509Certificate;
import java.util.List;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Verdict;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** The presented chain must start with the leaf and each certificate must certify the one before it. */
public final class ChainOrderCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("CHAIN_ORDER", Severity.WARNING, "RFC 5246 7.4.2; RFC 8446 4.4.2");
  private static final String ADVICE = "Send the chain in order: the server's certificate first, then its issuer, then that one's issuer; "
      + "leave out certificates that do not belong to it.";

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict check(ChainAnalysis chain) {
    List<X509Certificate> presented = chain.context().presented();
    if (presented.size() < 2 || chain.context().purpose() == Purpose.CA) { // a CA bundle is a set, not a chain to send
      return Verdict.notApplicable(INFO);
    }
    if (chain.leafIndex() != 0) {
      return Verdict.fail(INFO, new Finding(INFO.code(), INFO.severity(),
          "The chain does not start with the leaf: certificate " + chain.leafIndex() + " \"" + Certificates.subject(presented.get(chain.leafIndex()))
              + "\" is the end-entity certificate, but certificate 0 is \"" + Certificates.subject(presented.get(0)) + "\"",
          chain.leafIndex(), ADVICE));
    }
    for (int i = 1; i < presented.size(); i++) {
      if (!Certificates.issued(presented.get(i), presented.get(i - 1))) {
        return Verdict.fail(INFO, new Finding(INFO.code(), INFO.severity(),
            "Certificate " + i + " \"" + Certificates.subject(presented.get(i)) + "\" did not issue certificate " + (i - 1)
                + " \"" + Certificates.subject(presented.get(i - 1)) + "\"",
            i, ADVICE));
      }
    }
    return Verdict.pass(INFO);
  }
}
