package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Role;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class EkuClientAuthMissingCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new EkuClientAuthMissingCheck();
  }

  private X509Certificate serverOnly() {
    return issuing.leaf("a.example.com").eku(TestPki.SERVER_AUTH).build();
  }

  @Test
  void bothEkus_passesForMtls() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build()).role(Role.MTLS).context());
  }

  @Test
  void noEkuExtension_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").noEku().build()).role(Role.FEDERATION).context());
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"MTLS", "FEDERATION", "PIC", "EDGE_EXTERNAL"})
  void serverAuthOnly_isErrorForMtlsRoles(Role role) {
    Finding f = assertFailsOnce(Chains.presenting(serverOnly()).role(role).context());
    assertEquals(Severity.ERROR, f.severity());
    assertTrue(f.message().contains(role.label()), f.message());
    assertTrue(!f.advice().isEmpty());
  }

  @Test
  void serverAuthOnly_isInfoForServerRole() {
    assertEquals(Severity.INFO, assertFailsOnce(Chains.presenting(serverOnly()).role(Role.SERVER).context()).severity());
  }

  @Test
  void clientChainWithoutClientAuth_isErrorEvenForServerRole() {
    Finding f = assertFailsOnce(Chains.presenting(serverOnly()).purpose(Purpose.CLIENT).role(Role.SERVER).context());
    assertEquals(Severity.ERROR, f.severity());
    assertTrue(f.message().contains("TLS client"), f.message());
  }

  @Test
  void clientChainWithClientAuthOnly_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").eku(TestPki.CLIENT_AUTH).build()).purpose(Purpose.CLIENT).context());
  }

  @Test
  void intermediatesAreNotJudged() {
    // Only the leaf: an issuing CA restricted to serverAuth is a different matter (and rare).
    TestPki.Ca restricted = pki.cert("CN=Restricted CA").issuer(root).ca().eku(TestPki.SERVER_AUTH).buildCa();
    assertPasses(Chains.presenting(restricted.leaf("a.example.com").build(), restricted.certificate()).role(Role.MTLS).context());
  }
}
