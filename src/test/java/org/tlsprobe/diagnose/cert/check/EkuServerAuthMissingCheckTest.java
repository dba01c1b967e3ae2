package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class EkuServerAuthMissingCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new EkuServerAuthMissingCheck();
  }

  @Test
  void serverAndClientAuth_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build()).context());
  }

  @Test
  void serverAuthOnly_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").eku(TestPki.SERVER_AUTH).build()).context());
  }

  @Test
  void noEkuExtension_meansAnyPurpose_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").noEku().build()).context());
  }

  @Test
  void anyExtendedKeyUsage_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").eku("2.5.29.37.0").build()).context());
  }

  @Test
  void clientAuthOnly_isError() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").eku(TestPki.CLIENT_AUTH).build()).context());
    assertEquals(Severity.ERROR, f.severity());
    assertTrue(f.message().contains("[clientAuth]"), f.message());
  }

  @Test
  void codeSigningOnly_isError() {
    assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").eku("1.3.6.1.5.5.7.3.3").build()).context());
  }

  @Test
  void clientChain_isNotApplicable() {
    assertNotApplicable(Chains.presenting(issuing.leaf("a.example.com").eku(TestPki.CLIENT_AUTH).build()).purpose(Purpose.CLIENT).context());
  }
}
