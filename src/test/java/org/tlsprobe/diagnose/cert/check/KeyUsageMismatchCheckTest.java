package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class KeyUsageMismatchCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new KeyUsageMismatchCheck();
  }

  @Test
  void rsaWithSignatureAndEncipherment_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).context());
  }

  @Test
  void rsaWithoutKeyEncipherment_isWarningAboutRsaKeyExchange() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").keyUsage(KeyUsage.digitalSignature).build()).context());
    assertEquals(Severity.WARNING, f.severity());
    assertTrue(f.message().contains("RSA key exchange"), f.message());
  }

  @Test
  void rsaWithoutDigitalSignature_isWarningAboutEcdhe() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").keyUsage(KeyUsage.keyEncipherment).build()).context());
    assertEquals(Severity.WARNING, f.severity());
    assertTrue(f.message().contains("ECDHE"), f.message());
  }

  @Test
  void rsaWithNeither_isError() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").keyUsage(KeyUsage.dataEncipherment).build()).context());
    assertEquals(Severity.ERROR, f.severity());
  }

  @Test
  void ecWithKeyAgreementOnly_isError() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").key("EC-secp256r1").keyUsage(KeyUsage.keyAgreement).build()).context());
    assertEquals(Severity.ERROR, f.severity());
  }

  @Test
  void ecWithDigitalSignature_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").key("EC-secp256r1").keyUsage(KeyUsage.digitalSignature).build()).context());
  }

  @Test
  void clientCertificateWithoutDigitalSignature_isError() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").keyUsage(KeyUsage.keyEncipherment).build()).purpose(Purpose.CLIENT).context());
    assertEquals(Severity.ERROR, f.severity());
  }

  @Test
  void caWithoutKeyCertSign_isErrorOnTheCa() {
    TestPki.Ca bad = pki.cert("CN=Bad CA").issuer(root).ca().keyUsage(KeyUsage.cRLSign | KeyUsage.digitalSignature).buildCa();
    Finding f = assertFailsOnce(Chains.presenting(bad.leaf("a.example.com").build(), bad.certificate()).context());
    assertEquals(1, f.certificate());
    assertTrue(f.message().contains("keyCertSign"), f.message());
  }

  @Test
  void noKeyUsageExtensions_isNotApplicable() {
    TestPki.Ca noKu = pki.cert("CN=No KU CA").issuer(root).ca().keyUsage(null).buildCa();
    assertNotApplicable(Chains.presenting(noKu.leaf("a.example.com").keyUsage(null).build(), noKu.certificate()).context());
  }
}
