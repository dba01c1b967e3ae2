package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;

class SelfSignedCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new SelfSignedCheck();
  }

  @Test
  void caIssuedLeaf_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).context());
  }

  @Test
  void selfSignedLeaf_isError() {
    Finding f = assertFailsOnce(Chains.presenting(pki.cert("CN=self.example.com").dns("self.example.com").build()).context());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(0, f.certificate());
  }

  @Test
  void selfSignedLeafTrustedExplicitly_isWarning() {
    X509Certificate self = pki.cert("CN=self.example.com").dns("self.example.com").build();
    assertEquals(Severity.WARNING, assertFailsOnce(Chains.presenting(self).trusting(self).context()).severity());
  }

  @Test
  void sameSubjectAndIssuerButSignedByAnother_isNotSelfSigned() {
    // Self-issued (subject = issuer name) yet signed by a different key: not self-signed.
    X509Certificate odd = pki.cert("CN=Test Issuing CA,O=Example").issuer(issuing).build();
    assertPasses(Chains.presenting(odd).context());
  }

  @Test
  void rootCheckedAsACa_notApplicable() {
    // a root on its own (cert --purpose ca): being self-signed is what a root is
    assertNotApplicable(Chains.presenting(root.certificate()).purpose(Purpose.CA).context());
  }
}
