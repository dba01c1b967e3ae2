package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class ChainIncompleteCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new ChainIncompleteCheck();
  }

  @Test
  void intermediateSent_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).trusting(root.certificate()).context());
  }

  @Test
  void missingIntermediate_namesTheMissingIssuerAndTheAiaUrl() {
    X509Certificate leaf = issuing.leaf("a.example.com").build();
    Finding f = assertFailsOnce(Chains.presenting(leaf).trusting(root.certificate()).context());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(0, f.certificate());
    assertTrue(f.message().contains("\"O=Example,CN=Test Issuing CA\"") || f.message().contains("\"CN=Test Issuing CA,O=Example\""), f.message());
    assertTrue(f.advice().contains("http://pki.example.test/aia/issuing.crt"), f.advice());
  }

  @Test
  void intermediateHeldByClient_passes() {
    X509Certificate leaf = issuing.leaf("a.example.com").build();
    assertPasses(Chains.presenting(leaf).trusting(root.certificate()).intermediates(issuing.certificate()).context());
  }

  @Test
  void unknownIssuerOfAnIntermediate_isLeftToChainUntrusted() {
    // Leaf and issuing CA sent, the CA's issuer unknown: most likely an untrusted root, not a missing intermediate.
    TestPki.Ca policy = root.issuingCa("CN=Policy CA");
    TestPki.Ca deep = policy.issuingCa("CN=Deep Issuing CA");
    assertNotApplicable(Chains.presenting(deep.leaf("a.example.com").build(), deep.certificate()).trusting(root.certificate()).context());
  }

  @Test
  void sameNameButOtherKey_saysTheNameMatchedButTheKeyDidNot() {
    TestPki.Ca impostor = root.issuingCa("CN=Test Issuing CA,O=Example"); // same DN, new key: a renewed CA
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").build(), impostor.certificate()).trusting(root.certificate()).context());
    assertTrue(f.message().contains("did not sign"), f.message());
  }

  @Test
  void untrustedRoot_isNotIncomplete() {
    TestPki.Ca foreign = pki.root("CN=Foreign Root");
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate(), root.certificate()).trusting(foreign.certificate()).context());
  }
}
