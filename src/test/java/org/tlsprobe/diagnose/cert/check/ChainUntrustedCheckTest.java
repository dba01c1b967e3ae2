package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;
import org.tlsprobe.testing.TestPki;

class ChainUntrustedCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new ChainUntrustedCheck();
  }

  @Test
  void rootTrusted_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate()).trusting(root.certificate()).context());
  }

  @Test
  void foreignRootTrustedOnly_isErrorNamingOurRoot() {
    TestPki.Ca foreign = pki.root("CN=Foreign Root");
    X509Certificate leaf = issuing.leaf("a.example.com").build();
    Finding f = assertFailsOnce(Chains.presenting(leaf, issuing.certificate(), root.certificate()).trusting(foreign.certificate()).context());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(2, f.certificate());
    assertTrue(f.message().contains("CN=Test Root CA"), f.message());
    assertTrue(f.message().contains("--trust"), f.message());
  }

  @Test
  void rootNotSentAndNotTrusted_stillUntrustedWhenTheClientHoldsTheIntermediate() {
    // The issuing CA is known to the client but its root is not trusted: the root is found among the intermediates.
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate())
        .intermediates(root.certificate()).trusting(pki.root("CN=Other").certificate()).context());
    assertTrue(f.message().contains("CN=Test Root CA"), f.message());
  }

  @Test
  void sameNameRootWithOtherKey_isUntrusted() {
    TestPki.Ca lookalike = pki.root("CN=Test Root CA,O=Example");
    assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate(), root.certificate())
        .trusting(lookalike.certificate()).context());
  }

  @Test
  void systemStore_doesNotTrustATestRoot() {
    var ctx = Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate(), root.certificate()).context();
    var system = new org.tlsprobe.diagnose.cert.ChainContext(ctx.presented(), ctx.role(), ctx.purpose(), ctx.expectedNames(), ctx.at(),
        TrustAnchors.system(), ctx.warnDays());
    assertTrue(assertFailsOnce(system).message().contains("system"));
  }

  @Test
  void intermediateSentButItsRootUnknown_isErrorOnTheIntermediateNamingTheRoot() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").build(), issuing.certificate())
        .trusting(pki.root("CN=Other Root").certificate()).context());
    assertEquals(1, f.certificate());
    assertTrue(f.message().contains("whose issuer \"CN=Test Root CA,O=Example\""), f.message());
    assertTrue(f.advice().contains("If it is a further intermediate CA, send it"), f.advice());
  }

  @Test
  void missingIntermediate_isNotApplicable() {
    assertNotApplicable(Chains.presenting(issuing.leaf("a.example.com").build()).trusting(root.certificate()).context());
  }

  @Test
  void selfSignedLeaf_isLeftToSelfSigned() {
    assertNotApplicable(Chains.presenting(pki.cert("CN=self.example.com").dns("self.example.com").build()).context());
  }

  @Test
  void rootCheckedAsACa_untrustedUnlessGivenWithTrust() {
    Finding f = assertFailsOnce(Chains.presenting(root.certificate()).purpose(Purpose.CA).context());
    assertEquals(0, f.certificate());
    assertTrue(f.message().startsWith("The chain ends at certificate 0 \"CN=Test Root CA,O=Example\""), f.message());
    assertPasses(Chains.presenting(root.certificate()).purpose(Purpose.CA).trusting(root.certificate()).context());
  }
}
