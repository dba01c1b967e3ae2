package org.tlsprobe.diagnose.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.FederationVerdict;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.Severity;

class FederationJudgeTest {
  private static ProbeReport target(Outcome o, List<Finding> findings, List<Finding> clientFindings) {
    Diagnosis d = new Diagnosis(o, "", List.of(), List.of(), List.of(), findings, clientFindings, HandshakeFacts.none());
    return new ProbeReport("sip.fabrikam.test:5061", "192.0.2.7:5061", "sip.fabrikam.test", d, "TLSv1.2", null, null, null,
        new ProbeReport.Timing(null, 1L, 2L), null, null, null, null);
  }

  private static Finding error(String code) {
    return new Finding(code, Severity.ERROR, code + ": something", 0, "");
  }

  @Test
  void cleanTargetAndCertificate_isReady() {
    FederationVerdict v = FederationJudge.verdict("fabrikam.test", List.of(), List.of(target(Outcome.OK,
        List.of(new Finding("CDP_MISSING", Severity.WARNING, "w", 0, "")), List.of())), List.of());
    assertTrue(v.ready());
    assertEquals("READY to federate with fabrikam.test", v.line());
  }

  @Test
  void theirExpiredCertificate_isTheirs_ourMissingClientAuth_isOurs() {
    FederationVerdict v = FederationJudge.verdict("fabrikam.test", List.of(),
        List.of(target(Outcome.OK, List.of(error("CERT_EXPIRED")), List.of())), List.of(error("EKU_CLIENT_AUTH_MISSING")));
    assertFalse(v.ready());
    assertEquals(List.of("sip.fabrikam.test:5061 (192.0.2.7:5061): CERT_EXPIRED"), v.theirSide());
    assertEquals(List.of("our certificate: EKU_CLIENT_AUTH_MISSING"), v.ourSide());
    assertTrue(v.line().contains("fix on their side") && v.line().contains("fix on our side"), v.line());
  }

  @Test
  void rejectedClientCertificate_andCaNotListed_areOnOurSide() {
    FederationVerdict v = FederationJudge.verdict("fabrikam.test", List.of(),
        List.of(target(Outcome.CLIENT_CERT_REJECTED, List.of(), List.of(error("CLIENT_CA_NOT_ACCEPTED")))), List.of());
    assertFalse(v.ready());
    assertEquals(List.of(), v.theirSide());
    assertEquals(2, v.ourSide().size(), v.ourSide().toString());
  }

  @Test
  void noTargets_isNotReady_evenWithoutFindings() {
    FederationVerdict v = FederationJudge.verdict("fabrikam.test", List.of(), List.of(), List.of());
    assertFalse(v.ready());
    assertTrue(v.theirSide().get(0).contains("no SRV target"), v.theirSide().toString());
  }
}
