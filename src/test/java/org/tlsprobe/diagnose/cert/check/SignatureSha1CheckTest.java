package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class SignatureSha1CheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new SignatureSha1Check();
  }

  @Test
  void sha256_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).context());
  }

  @Test
  void sha1SignedLeaf_isWarning() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").signature("SHA1withRSA").build()).context());
    assertEquals(Severity.WARNING, f.severity());
  }

  @Test
  void sha1SignedIntermediate_isWarningOnIt() {
    TestPki.Ca sha1Ca = pki.cert("CN=SHA1 CA").issuer(root).ca().signature("SHA1withRSA").buildCa();
    assertEquals(1, assertFailsOnce(Chains.presenting(sha1Ca.leaf("a.example.com").build(), sha1Ca.certificate()).context()).certificate());
  }

  @Test
  void ecdsaSha1_isWarning() {
    TestPki.Ca ecCa = pki.cert("CN=EC CA").issuer(root).ca().key("EC-secp256r1").buildCa();
    assertFailsOnce(Chains.presenting(ecCa.leaf("a.example.com").signature("SHA1withECDSA").build()).context());
  }

  @Test
  void sha1SignedRootSent_doesNotCount() {
    TestPki.Ca sha1Root = pki.cert("CN=SHA1 Root").ca().signature("SHA1withRSA").buildCa();
    assertPasses(Chains.presenting(sha1Root.leaf("a.example.com").build(), sha1Root.certificate()).trusting(sha1Root.certificate()).context());
  }

  @Test
  void onlyASelfSignedCertificate_isNotApplicable() {
    assertNotApplicable(Chains.presenting(pki.cert("CN=SHA1 self").signature("SHA1withRSA").build()).context());
  }
}
