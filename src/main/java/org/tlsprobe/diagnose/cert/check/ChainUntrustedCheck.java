package org.tlsprobe.diagnose.cert.check;

import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.ChainPath;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Verdict;
import org.tlsprobe.model.Severity;

/**
 * The path is complete but ends at a root that is not trusted (Windows: 0x80090325 SEC_E_UNTRUSTED_ROOT).
 * A self-signed leaf is SELF_SIGNED's business.
 */
public final class ChainUntrustedCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("CHAIN_UNTRUSTED", Severity.ERROR, "RFC 5280 6.1; Microsoft: SEC_E_UNTRUSTED_ROOT (0x80090325)");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict check(ChainAnalysis chain) {
    ChainPath path = chain.path();
    if (path.end() == ChainPath.End.INCOMPLETE || path.certificates().size() == 1 && path.end() == ChainPath.End.UNTRUSTED_ROOT) {
      return Verdict.notApplicable(INFO);
    }
    if (path.end() == ChainPath.End.TRUSTED) {
      return Verdict.pass(INFO);
    }
    CertificateInChain root = chain.root().orElseThrow();
    String store = chain.context().trust().systemRoots() ? "the system's trusted roots" : "the roots given with --trust";
    return Verdict.fail(INFO, INFO.finding(root,
        "The chain ends at " + root.label() + ", which is not among " + store,
        "Import that root into \"Trusted Root Certification Authorities\" on every client and server that must trust this certificate "
            + "(Group Policy for domain members; by hand on non-domain-joined clients and phones), or pass it with --trust if it is trusted."));
  }
}
