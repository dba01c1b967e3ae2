package org.tlsprobe.diagnose.cert.check;

import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.ChainPath;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.Verdict;
import org.tlsprobe.model.Severity;

/**
 * Edges, federation and public IM connectivity talk to partners who trust only public roots: the chain must
 * end at a root in the system trust store, unless the user named the private CA with --trust (partners who
 * trust it, e.g. direct federation).
 */
public final class PublicCaRequiredCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("PUBLIC_CA_REQUIRED", Severity.ERROR,
      "Microsoft: Edge Server certificate requirements (public CA for the external interface, federation and PIC)");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict check(ChainAnalysis chain) {
    if (!chain.context().role().needsPublicCa() || chain.path().end() == ChainPath.End.INCOMPLETE && !chain.endsAtUnknownCaIssuer()) {
      return Verdict.notApplicable(INFO);
    }
    if (chain.path().end() == ChainPath.End.TRUSTED) {
      return Verdict.pass(INFO);
    }
    String root = chain.root().map(r -> r.label())
        .orElse("\"" + (chain.path().missingIssuer() == null ? "?" : chain.path().missingIssuer().getName()) + "\"");
    return Verdict.fail(INFO, INFO.chainFinding(
        "Role " + chain.context().role().label() + " needs a certificate from a public CA, but the chain ends at " + root
            + ", which is not a publicly trusted root",
        "Get the external edge/federation certificate from a public CA that your partners trust; a private CA works only for "
            + "direct federation with partners that import its root (then pass that root with --trust)."));
  }
}
