package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class SignatureMd5CheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new SignatureMd5Check();
  }

  @Test
  void sha256_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).trusting(root.certificate()).context());
  }

  @Test
  void md5SignedLeaf_isError() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").signature("MD5withRSA").build(), issuing.certificate()).context());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(0, f.certificate());
    assertTrue(f.message().contains("MD5withRSA"), f.message());
  }

  @Test
  void md5SignedIntermediate_isError() {
    TestPki.Ca md5Ca = pki.cert("CN=MD5 CA").issuer(root).ca().signature("MD5withRSA").buildCa();
    assertEquals(1, assertFailsOnce(Chains.presenting(md5Ca.leaf("a.example.com").build(), md5Ca.certificate()).context()).certificate());
  }

  @Test
  void md5SignedRoot_doesNotCount() {
    TestPki.Ca md5Root = pki.cert("CN=MD5 Root").ca().signature("MD5withRSA").buildCa();
    assertPasses(Chains.presenting(md5Root.leaf("a.example.com").build(), md5Root.certificate()).context());
  }

  @Test
  void onlyASelfSignedCertificate_isNotApplicable() {
    assertNotApplicable(Chains.presenting(root.certificate()).context());
  }
}
