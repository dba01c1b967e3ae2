package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;

class RootSentCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new RootSentCheck();
  }

  @Test
  void chainWithoutRoot_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).trusting(root.certificate()).context());
  }

  @Test
  void rootSent_isInfoOnItsIndex() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate(), root.certificate()).trusting(root.certificate()).context());
    assertEquals(Severity.INFO, f.severity());
    assertEquals(2, f.certificate());
  }

  @Test
  void leafAlone_isNotApplicable() {
    assertNotApplicable(Chains.presenting(issuing.leaf("a.example.com").build()).context());
  }

  @Test
  void caBundleWithItsRoot_notApplicable() {
    assertNotApplicable(Chains.presenting(issuing.certificate(), root.certificate()).purpose(Purpose.CA).context());
  }
}
