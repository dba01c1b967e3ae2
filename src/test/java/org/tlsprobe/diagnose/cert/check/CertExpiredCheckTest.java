package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class CertExpiredCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new CertExpiredCheck();
  }

  @Test
  void validChain_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).trusting(root.certificate()).context());
  }

  @Test
  void expiredLeaf_isErrorOnCertificate0() {
    X509Certificate leaf = issuing.leaf("a.example.com").expiredDaysAgo(10).build();
    Finding f = assertFailsOnce(Chains.presenting(leaf, issuing.certificate()).trusting(root.certificate()).context());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(0, f.certificate());
    assertTrue(f.message().contains("expired on") && f.message().contains("10 days before"), f.message());
  }

  @Test
  void expiredIntermediate_isReportedOnItsIndex() {
    TestPki.Ca oldCa = pki.cert("CN=Old Issuing CA").issuer(root).ca().expiredDaysAgo(1).buildCa();
    Finding f = assertFailsOnce(Chains.presenting(oldCa.leaf("a.example.com").build(), oldCa.certificate()).trusting(root.certificate()).context());
    assertEquals(1, f.certificate());
  }

  @Test
  void validAtEarlierInstant_passes() {
    X509Certificate leaf = issuing.leaf("a.example.com").expiredDaysAgo(10).build();
    assertPasses(Chains.presenting(leaf, issuing.certificate()).trusting(root.certificate()).at(TestPki.NOW.minusSeconds(86400 * 20)).context());
  }

  @Test
  void emptyChain_isNotJudged() {
    assertEquals(java.util.List.of(), new org.tlsprobe.diagnose.cert.ChainDiagnostics(java.util.List.of(rule())).evaluate(Chains.presenting().context()));
  }
}
