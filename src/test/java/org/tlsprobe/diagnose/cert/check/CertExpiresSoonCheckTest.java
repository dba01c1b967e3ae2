package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;

class CertExpiresSoonCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new CertExpiresSoonCheck();
  }

  @Test
  void expiresInAYear_passes() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").build()).context());
  }

  @Test
  void expiresIn10Days_isWarningWithDaysLeft() {
    Finding f = assertFailsOnce(Chains.presenting(issuing.leaf("a.example.com").expiresInDays(10).build()).context());
    assertEquals(Severity.WARNING, f.severity());
    assertTrue(f.message().contains("in 10 days"), f.message());
  }

  @Test
  void warnDaysShorterThanRemaining_passes() {
    X509Certificate leaf = issuing.leaf("a.example.com").expiresInDays(10).build();
    assertPasses(Chains.presenting(leaf).warnDays(5).context());
  }

  @Test
  void alreadyExpired_isLeftToCertExpired() {
    assertPasses(Chains.presenting(issuing.leaf("a.example.com").expiredDaysAgo(1).build()).context());
  }

  @Test
  void warnDaysZero_isNotApplicable() {
    assertNotApplicable(Chains.presenting(issuing.leaf("a.example.com").expiresInDays(10).build()).warnDays(0).context());
  }
}
