package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Role;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;

class PublicCaRequiredCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new PublicCaRequiredCheck();
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"FEDERATION", "PIC", "EDGE_EXTERNAL"})
  void privateRootNotTrustedBySystem_isError(Role role) {
    ChainContext c = Chains.presenting(issuing.leaf("edge.example.com").build(), issuing.certificate(), root.certificate()).role(role).context();
    ChainContext system = new ChainContext(c.presented(), c.role(), c.purpose(), c.expectedNames(), c.at(), TrustAnchors.system(), c.warnDays());
    Finding f = assertFailsOnce(system);
    assertEquals(Severity.ERROR, f.severity());
    assertTrue(f.message().contains(role.label()) && f.message().contains("CN=Test Root CA"), f.message());
  }

  @Test
  void publicRoot_passes() {
    assertPasses(Chains.presenting(issuing.leaf("edge.example.com").build(), issuing.certificate()).trustingAsPublic(root.certificate()).role(Role.PIC).context());
  }

  @Test
  void privateCaNamedWithTrust_passes() {
    assertPasses(Chains.presenting(issuing.leaf("edge.example.com").build(), issuing.certificate()).trusting(root.certificate()).role(Role.FEDERATION).context());
  }

  @Test
  void serverAndMtlsRoles_areNotApplicable() {
    assertNotApplicable(Chains.presenting(issuing.leaf("edge.example.com").build(), issuing.certificate()).role(Role.SERVER).context());
    assertNotApplicable(Chains.presenting(issuing.leaf("edge.example.com").build(), issuing.certificate()).role(Role.MTLS).context());
  }

  @Test
  void rootNotSentAndNotPublic_isError() {
    ChainContext c = Chains.presenting(issuing.leaf("edge.example.com").build(), issuing.certificate()).role(Role.EDGE_EXTERNAL).context();
    ChainContext system = new ChainContext(c.presented(), c.role(), c.purpose(), c.expectedNames(), c.at(), TrustAnchors.system(), c.warnDays());
    assertTrue(assertFailsOnce(system).message().contains("CN=Test Root CA"));
  }

  @Test
  void leafWithoutItsIntermediate_isNotApplicable() {
    assertNotApplicable(Chains.presenting(issuing.leaf("edge.example.com").build()).role(Role.FEDERATION).context());
  }
}
