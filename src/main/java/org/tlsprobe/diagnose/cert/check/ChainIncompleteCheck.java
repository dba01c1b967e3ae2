package org.tlsprobe.diagnose.cert.check;

import java.util.List;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.ChainPath;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Verdict;
import org.tlsprobe.model.Severity;

/**
 * The path stops at the leaf (or another end-entity certificate) whose issuer is nowhere: not sent, not
 * among the intermediates the client holds, not a trust anchor. Names the missing issuer. When the path
 * stops at a CA instead, the unknown issuer is most likely a root: CHAIN_UNTRUSTED says so.
 */
public final class ChainIncompleteCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("CHAIN_INCOMPLETE", Severity.ERROR, "RFC 8446 4.4.2, RFC 5246 7.4.2; RFC 5280 6.1");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict check(ChainAnalysis chain) {
    ChainPath path = chain.path();
    if (path.end() != ChainPath.End.INCOMPLETE) {
      return Verdict.pass(INFO);
    }
    if (chain.endsAtUnknownCaIssuer()) {
      return Verdict.notApplicable(INFO);
    }
    CertificateInChain orphan = chain.orphan();
    String missing = path.missingIssuer().getName();
    StringBuilder msg = new StringBuilder("The issuer \"" + missing + "\" of " + orphan.label()
        + " is missing: it is not in the chain" + (chain.context().trust().intermediates().isEmpty() ? "" : " nor in --intermediates")
        + ", and it is not a trusted root");
    if (!path.note().isEmpty()) {
      msg.append("; ").append(path.note());
    }
    List<String> aia = Certificates.caIssuersUrls(orphan.certificate());
    String advice = "Send the intermediate CA certificate \"" + missing + "\" with the certificate (on Windows: import it into the "
        + "computer's Intermediate Certification Authorities store of the server, so Schannel sends it), or install it on every client"
        + (aia.isEmpty() ? "." : "; it can be downloaded from " + String.join(", ", aia)
            + " (AIA): browsers fetch it, but phones and servers often do not.");
    return Verdict.fail(INFO, INFO.finding(orphan, msg.toString(), advice));
  }
}
