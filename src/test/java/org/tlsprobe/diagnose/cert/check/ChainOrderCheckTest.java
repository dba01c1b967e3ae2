package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;

class ChainOrderCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new ChainOrderCheck();
  }

  @Test
  void leafThenIssuerThenRoot_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate(), root.certificate()).context());
  }

  @Test
  void rootBeforeIntermediate_isWarningAtTheMisplacedCertificate() {
    X509Certificate leaf = issuing.leaf("a.example.com").build();
    Finding f = assertFailsOnce(Chains.presenting(leaf, root.certificate(), issuing.certificate()).trusting(root.certificate()).context());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(1, f.certificate());
  }

  @Test
  void intermediateFirst_saysTheLeafIsNotFirst() {
    X509Certificate leaf = issuing.leaf("a.example.com").build();
    Finding f = assertFailsOnce(Chains.presenting(issuing.certificate(), leaf).trusting(root.certificate()).context());
    assertEquals(1, f.certificate());
    assertTrue(f.message().contains("does not start with the leaf"), f.message());
  }

  @Test
  void unrelatedExtraCertificate_isOutOfOrder() {
    X509Certificate stranger = pki.root("CN=Stranger Root").certificate();
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").build(), stranger).context());
    assertEquals(1, f.certificate());
  }

  @Test
  void singleCertificate_isNotApplicable() {
    assertNotApplicable(Chains.presenting(issuing.leaf("a.example.com").build()).context());
  }

  @Test
  void caBundleInAnyOrder_notApplicable() {
    assertNotApplicable(Chains.presenting(root.certificate(), issuing.certificate()).purpose(Purpose.CA).context());
  }
}
