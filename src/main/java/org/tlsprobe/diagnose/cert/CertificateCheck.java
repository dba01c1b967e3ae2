package org.tlsprobe.diagnose.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsprobe.model.Finding;

/** A rule judged certificate by certificate; the base owns iteration and the not-applicable verdict. */
public abstract class CertificateCheck implements Check {
  /** Whether the rule is about this certificate at all (its position, the role, the purpose); by default it is. */
  protected boolean appliesTo(CertificateInChain c, ChainAnalysis chain) {
    return true;
  }

  /** The problem with this certificate, or empty when it passes. */
  protected abstract Optional<Finding> problem(CertificateInChain c, ChainAnalysis chain);

  @Override
  public final Verdict check(ChainAnalysis chain) {
    boolean applied = false;
    List<Finding> findings = new ArrayList<>();
    for (CertificateInChain c : chain.certificates()) {
      if (appliesTo(c, chain)) {
        applied = true;
        problem(c, chain).ifPresent(findings::add);
      }
    }
    return applied ? Verdict.fail(info(), findings) : Verdict.notApplicable(info());
  }
}
