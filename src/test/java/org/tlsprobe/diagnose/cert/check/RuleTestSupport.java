package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.ChainDiagnostics;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.Verdict;
import org.tlsprobe.model.Finding;
import org.tlsprobe.testing.TestPki;

/** A two-tier test PKI and assertions on one rule's verdict. */
abstract class RuleTestSupport {
  final TestPki pki = new TestPki();
  final TestPki.Ca root = pki.root("CN=Test Root CA,O=Example");
  final TestPki.Ca issuing = root.issuingCa("CN=Test Issuing CA,O=Example");

  abstract Check rule();

  Verdict verdict(ChainContext ctx) {
    List<Verdict> v = new ChainDiagnostics(List.of(rule())).evaluate(ctx);
    assertEquals(1, v.size());
    return v.get(0);
  }

  void assertPasses(ChainContext ctx) {
    Verdict v = verdict(ctx);
    assertEquals(Verdict.Status.PASS, v.status(), () -> "findings: " + v.findings());
  }

  void assertNotApplicable(ChainContext ctx) {
    Verdict v = verdict(ctx);
    assertEquals(Verdict.Status.NOT_APPLICABLE, v.status(), () -> "findings: " + v.findings());
  }

  /** The single finding of a failing verdict, checked to carry the rule's code. */
  Finding assertFailsOnce(ChainContext ctx) {
    Verdict v = verdict(ctx);
    assertEquals(Verdict.Status.FAIL, v.status());
    assertEquals(1, v.findings().size(), () -> "findings: " + v.findings());
    Finding f = v.findings().get(0);
    assertEquals(rule().info().code(), f.code());
    return f;
  }
}
