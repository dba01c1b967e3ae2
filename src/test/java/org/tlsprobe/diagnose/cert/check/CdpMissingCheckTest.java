package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;

class CdpMissingCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new CdpMissingCheck();
  }

  @Test
  void leafWithCdp_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build()).context());
  }

  @Test
  void leafWithoutCdp_isWarning() {
    assertEquals(Severity.WARNING, assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").noCdp().build()).context()).severity());
  }

  @Test
  void intermediateWithoutCdp_isNotJudged() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).context());
  }

  @Test
  void selfSignedLeaf_isNotApplicable() {
    assertNotApplicable(Chains.presenting(pki.cert("CN=self.example.com").build()).context());
  }
}
