package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class KeyTooSmallCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new KeyTooSmallCheck();
  }

  @Test
  void rsa2048AndEc256_pass() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).context());
    assertPasses(Chains.presenting(issuing.leaf("b.example.com").key("EC-secp256r1").build()).context());
  }

  @Test
  void rsa1024_isWarning() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").key("RSA-1024").build()).context());
    assertEquals(Severity.WARNING, f.severity());
    assertTrue(f.message().contains("a 1024-bit RSA key"), f.message());
  }

  @Test
  void rsa512_isError() {
    assertEquals(Severity.ERROR, assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").key("RSA-512").build()).context()).severity());
  }

  @Test
  void ec224_isWarning() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").key("EC-secp224r1").build()).context());
    assertEquals(Severity.WARNING, f.severity());
    assertTrue(f.message().contains("224"), f.message());
  }

  @Test
  void smallRootKey_isReportedToo() {
    TestPki.Ca weakRoot = pki.cert("CN=Weak Root").ca().key("RSA-1024").buildCa();
    Finding f = assertFailsOnce(Chains.presenting(weakRoot.leaf("a.example.com").build(), weakRoot.certificate()).context());
    assertEquals(1, f.certificate());
  }

  @Test
  void ed25519_isNotApplicable() {
    assertNotApplicable(Chains.presenting(pki.cert("CN=ed.example.com").key("Ed25519").signature("Ed25519").build()).context());
  }
}
