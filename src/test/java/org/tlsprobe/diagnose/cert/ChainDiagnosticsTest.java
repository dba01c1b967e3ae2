package org.tlsprobe.diagnose.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class ChainDiagnosticsTest {
  private final TestPki pki = new TestPki();
  private final TestPki.Ca root = pki.root("CN=Test Root,O=Example");
  private final TestPki.Ca issuing = root.issuingCa("CN=Test Issuing CA,O=Example");

  @Test
  void soundChain_hasNoFindings() {
    X509Certificate leaf = issuing.leaf("sip.example.com").build();
    List<Finding> f = ChainDiagnostics.standard().run(
        Chains.presenting(leaf, issuing.certificate()).trusting(root.certificate()).names("sip.example.com").role(org.tlsprobe.model.Role.MTLS).context());
    assertEquals(List.of(), f);
  }

  @Test
  void missingIntermediateAndMd5_bothReported() {
    X509Certificate leaf = issuing.leaf("sip.example.com").signature("MD5withRSA").build();
    List<Finding> f = ChainDiagnostics.standard().run(Chains.presenting(leaf).trusting(root.certificate()).context());
    assertEquals(List.of("CHAIN_INCOMPLETE", "SIGNATURE_MD5"), f.stream().map(Finding::code).toList());
    assertTrue(f.get(0).message().contains("CN=Test Issuing CA,O=Example"), f.get(0).message());
  }

  @Test
  void throwingRule_becomesRuleFailedWarning() {
    Check broken = new Check() {
      @Override public CheckInfo info() {
        return new CheckInfo("BROKEN", Severity.ERROR, "none");
      }

      @Override public Verdict check(ChainAnalysis chain) {
        throw new IllegalStateException("boom");
      }
    };
    X509Certificate leaf = issuing.leaf("sip.example.com").build();
    List<Finding> f = new ChainDiagnostics(List.of(broken)).run(Chains.presenting(leaf).context());
    assertEquals(1, f.size());
    assertEquals(ChainDiagnostics.RULE_FAILED, f.get(0).code());
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertTrue(f.get(0).message().contains("BROKEN"));
  }

  @Test
  void emptyChain_noFindings() {
    assertEquals(List.of(), ChainDiagnostics.standard().run(Chains.presenting().context()));
  }
}
