package org.tlsprobe.diagnose.cert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tlsprobe.diagnose.cert.check.CdpMissingCheck;
import org.tlsprobe.diagnose.cert.check.CertExpiredCheck;
import org.tlsprobe.diagnose.cert.check.CertExpiresSoonCheck;
import org.tlsprobe.diagnose.cert.check.CertNotYetValidCheck;
import org.tlsprobe.diagnose.cert.check.ChainIncompleteCheck;
import org.tlsprobe.diagnose.cert.check.ChainOrderCheck;
import org.tlsprobe.diagnose.cert.check.ChainUntrustedCheck;
import org.tlsprobe.diagnose.cert.check.EkuClientAuthMissingCheck;
import org.tlsprobe.diagnose.cert.check.EkuClientAuthPhaseOutCheck;
import org.tlsprobe.diagnose.cert.check.EkuServerAuthMissingCheck;
import org.tlsprobe.diagnose.cert.check.KeyTooSmallCheck;
import org.tlsprobe.diagnose.cert.check.KeyUsageMismatchCheck;
import org.tlsprobe.diagnose.cert.check.NameMismatchCheck;
import org.tlsprobe.diagnose.cert.check.NoSanCheck;
import org.tlsprobe.diagnose.cert.check.NotX509V3Check;
import org.tlsprobe.diagnose.cert.check.PublicCaRequiredCheck;
import org.tlsprobe.diagnose.cert.check.RootSentCheck;
import org.tlsprobe.diagnose.cert.check.SelfSignedCheck;
import org.tlsprobe.diagnose.cert.check.SignatureMd5Check;
import org.tlsprobe.diagnose.cert.check.SignatureSha1Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/**
 * Runs the certificate rules on a chain: builds the path once, gives it to every rule, isolates rules
 * from each other (one that throws becomes a RULE_FAILED warning naming it), and sorts the findings.
 */
public final class ChainDiagnostics {
  /** The code of the finding that stands for a rule that threw instead of judging. */
  public static final String RULE_FAILED = "RULE_FAILED";

  /** Orders findings worst first, then by certificate (leaf first, chain-wide last), then code and message. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
      .thenComparing(f -> f.certificate() == null ? Integer.MAX_VALUE : f.certificate())
      .thenComparing(Finding::code)
      .thenComparing(Finding::message);

  private final List<Check> checks;

  public ChainDiagnostics(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** Every rule, in a fixed order (explicit: no scanning, no registration side effects). */
  public static ChainDiagnostics standard() {
    return new ChainDiagnostics(List.of(
        new CertExpiredCheck(),
        new CertNotYetValidCheck(),
        new CertExpiresSoonCheck(),
        new ChainIncompleteCheck(),
        new ChainOrderCheck(),
        new ChainUntrustedCheck(),
        new SelfSignedCheck(),
        new NameMismatchCheck(),
        new NoSanCheck(),
        new EkuServerAuthMissingCheck(),
        new EkuClientAuthMissingCheck(),
        new EkuClientAuthPhaseOutCheck(),
        new KeyUsageMismatchCheck(),
        new CdpMissingCheck(),
        new SignatureMd5Check(),
        new SignatureSha1Check(),
        new KeyTooSmallCheck(),
        new NotX509V3Check(),
        new PublicCaRequiredCheck(),
        new RootSentCheck()));
  }

  public List<Check> checks() {
    return checks;
  }

  /** The findings for this chain, sorted; empty for an empty chain. Never throws. */
  public List<Finding> run(ChainContext ctx) {
    List<Finding> findings = new ArrayList<>();
    for (Verdict v : evaluate(ctx)) {
      findings.addAll(v.findings());
    }
    findings.sort(ORDER);
    return findings;
  }

  /** Every rule's verdict (pass, not applicable, fail, not checked), in rule order. Never throws. */
  public List<Verdict> evaluate(ChainContext ctx) {
    if (ctx.presented().isEmpty()) {
      return List.of();
    }
    ChainAnalysis chain;
    try {
      chain = ChainAnalysis.of(ctx);
    } catch (RuntimeException e) {
      return List.of(new Verdict(RULE_FAILED, Verdict.Status.NOT_CHECKED, List.of(new Finding(RULE_FAILED, Severity.WARNING,
          "The chain could not be analyzed (" + e + "); no certificate rule was checked", null, "Please report this with the certificate."))));
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (Check check : checks) {
      try {
        verdicts.add(check.check(chain));
      } catch (RuntimeException e) {
        // A buggy rule, or a certificate it cannot read, must not sink the report.
        verdicts.add(new Verdict(check.info().code(), Verdict.Status.NOT_CHECKED, List.of(new Finding(RULE_FAILED, Severity.WARNING,
            "Rule " + check.info().code() + " (" + check.getClass().getSimpleName() + ") could not be checked: " + e,
            null, "The other rules ran; please report this with the certificate."))));
      }
    }
    return verdicts;
  }
}
