package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class NotX509V3CheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new NotX509V3Check();
  }

  @Test
  void v3Chain_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).context());
  }

  @Test
  void v1Leaf_isError() {
    Finding f = assertFailsOnce(Chains.presenting(pki.cert("CN=old.example.com").issuer(issuing).v1().build(), issuing.certificate()).context());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(0, f.certificate());
  }

  @Test
  void v1Root_isWarning() {
    TestPki.Ca v1Root = pki.cert("CN=V1 Root").v1().buildCa();
    TestPki.Ca v3Ca = v1Root.issuingCa("CN=V3 under V1");
    Finding f = assertFailsOnce(Chains.presenting(v3Ca.leaf("a.example.com").build(), v3Ca.certificate(), v1Root.certificate()).trusting(v1Root.certificate()).context());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(2, f.certificate());
  }
}
