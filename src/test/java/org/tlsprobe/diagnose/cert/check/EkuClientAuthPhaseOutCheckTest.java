package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Role;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class EkuClientAuthPhaseOutCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new EkuClientAuthPhaseOutCheck();
  }

  private X509Certificate serverOnly() {
    return issuing.leaf("edge.example.com").eku(TestPki.SERVER_AUTH).build();
  }

  @Test
  void publicServerAuthOnly_isWarningForFederation_withAdviceForTheCa() {
    Finding f = assertFailsOnce(Chains.presenting(serverOnly(), issuing.certificate()).trustingAsPublic(root.certificate()).role(Role.FEDERATION).context());
    assertEquals(Severity.WARNING, f.severity());
    assertTrue(f.advice().contains("Ask the CA"), f.advice());
  }

  @Test
  void publicServerAuthOnly_isInfoForServerRole() {
    assertEquals(Severity.INFO, assertFailsOnce(Chains.presenting(serverOnly(), issuing.certificate()).trustingAsPublic(root.certificate()).context()).severity());
  }

  @Test
  void publicWithClientAuth_passes() {
    assertPasses(Chains.presenting(issuing.leaf("edge.example.com").build(), issuing.certificate()).trustingAsPublic(root.certificate()).role(Role.MTLS).context());
  }

  @Test
  void privateCa_isNotApplicable() {
    assertNotApplicable(Chains.presenting(serverOnly(), issuing.certificate()).trusting(root.certificate()).role(Role.MTLS).context());
  }

  @Test
  void untrustedChain_isNotApplicable() {
    assertNotApplicable(Chains.presenting(serverOnly(), issuing.certificate()).role(Role.MTLS).context());
  }
}
