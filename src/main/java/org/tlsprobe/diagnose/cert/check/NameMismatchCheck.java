package org.tlsprobe.diagnose.cert.check;

import java.util.List;
import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateCheck;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.diagnose.cert.NameMatcher;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** The leaf must cover every expected name (pool FQDN, server FQDN, SIP domain) in its SAN (CN only without SAN). */
public final class NameMismatchCheck extends CertificateCheck {
  private static final CheckInfo INFO = new CheckInfo("NAME_MISMATCH", Severity.ERROR, "RFC 6125 6.4; RFC 2818 3.1");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return c.isLeaf() && !chain.context().expectedNames().isEmpty();
  }

  @Override
  protected Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain) {
    List<String> presented = NameMatcher.presentedNames(c.certificate());
    List<String> uncovered = chain.context().expectedNames().stream().filter(n -> !NameMatcher.matchesAny(presented, n)).toList();
    if (uncovered.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(INFO.finding(c,
        c.label() + " does not cover " + String.join(", ", uncovered) + " (it names " + (presented.isEmpty() ? "nothing" : String.join(", ", presented)) + ")",
        "Request a certificate whose Subject Alternative Name lists every name clients use: the pool FQDN, each server's FQDN, "
            + "and the SIP domain(s) where clients or partners connect to it."));
  }
}
