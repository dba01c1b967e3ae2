package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;

class NoSanCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new NoSanCheck();
  }

  @Test
  void leafWithSan_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build()).context());
  }

  @Test
  void leafWithoutSan_isWarning() {
    assertEquals(Severity.WARNING, assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").noSan().build()).context()).severity());
  }

  @Test
  void v1Leaf_hasNoSan() {
    assertFailsOnce(Chains.presenting(pki.cert("CN=old.example.com").issuer(issuing).v1().build()).context());
  }

  @Test
  void caAsLeaf_isNotApplicable() {
    assertNotApplicable(Chains.presenting(issuing.certificate()).context());
  }
}
