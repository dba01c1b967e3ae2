package org.tlsprobe.diagnose.cert.check;

import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.ChainPath;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Verdict;
import org.tlsprobe.model.Severity;

/**
 * The chain does not lead to a trusted root (Windows: 0x80090325 SEC_E_UNTRUSTED_ROOT): the path ends at a
 * self-signed root that is not a trust anchor, or at a CA whose issuer (most likely the root, which servers
 * need not send) is not trusted. A self-signed leaf is SELF_SIGNED's business; a leaf whose issuer is
 * unknown is CHAIN_INCOMPLETE's.
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
    String store = chain.context().trust().systemRoots() ? "the system's trusted roots" : "the roots given with --trust";
    if (chain.endsAtUnknownCaIssuer()) {
      CertificateInChain ca = chain.orphan();
      String issuer = path.missingIssuer().getName();
      return Verdict.fail(INFO, INFO.finding(ca,
          "The chain ends at " + ca.label() + ", whose issuer \"" + issuer + "\" is not among " + store
              + (path.note().isEmpty() ? "" : " (" + path.note() + ")"),
          "If \"" + issuer + "\" is your root CA: import it into \"Trusted Root Certification Authorities\" on every client and server "
              + "that must trust this certificate (Group Policy for domain members; by hand on other clients and phones), or pass it with "
              + "--trust to check against it. If it is a further intermediate CA, send it with the chain as well."));
    }
    boolean selfSignedLeaf = path.certificates().size() == 1 && path.end() == ChainPath.End.UNTRUSTED_ROOT && chain.leaf().isLeaf();
    if (path.end() == ChainPath.End.INCOMPLETE || selfSignedLeaf) { // SELF_SIGNED says it for a leaf
      return Verdict.notApplicable(INFO);
    }
    if (path.end() == ChainPath.End.TRUSTED) {
      return Verdict.pass(INFO);
    }
    CertificateInChain root = chain.root().orElseThrow();
    return Verdict.fail(INFO, INFO.finding(root,
        "The chain ends at " + root.label() + ", which is not among " + store,
        "Import that root into \"Trusted Root Certification Authorities\" on every client and server that must trust this certificate "
            + "(Group Policy for domain members; by hand on non-domain-joined clients and phones), or pass it with --trust if it is trusted."));
  }
}
