package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;

class CertNotYetValidCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new CertNotYetValidCheck();
  }

  @Test
  void validNow_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build()).context());
  }

  @Test
  void validFromNextWeek_isError() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").validInDays(7).build()).context());
    assertEquals(Severity.ERROR, f.severity());
    assertTrue(f.message().contains("not valid until"), f.message());
  }

  @Test
  void laterInstant_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").validInDays(7).build())
        .at(org.tlsprobe.testing.TestPki.NOW.plusSeconds(8 * 86400)).context());
  }
}
