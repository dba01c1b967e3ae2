package org.tlsprobe.diagnose.cert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.testing.Chains;

class NameMismatchCheckTest extends RuleTestSupport {
  @Override
  Check rule() {
    return new NameMismatchCheck();
  }

  private X509Certificate pool() {
    return issuing.leaf("pool.example.com").dns("fe1.example.com", "*.web.example.com").ip("10.0.0.5").build();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "pool.example.com", "POOL.Example.COM", "pool.example.com.", "fe1.example.com", "a.web.example.com", "10.0.0.5"})
  void coveredName_passes(String name) {
    assertPasses(Chains.presenting(pool()).names(name).context());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sip.example.com", "web.example.com", "a.b.web.example.com", "example.com", "10.0.0.6", "fe1.example.co"})
  void uncoveredName_isError(String name) {
    Finding f = assertFailsOnce(Chains.presenting(pool()).names(name).context());
    assertEquals(Severity.ERROR, f.severity());
    assertTrue(f.message().contains(name), f.message());
  }

  @Test
  void oneOfTwoNamesUncovered_namesOnlyThatOne() {
    Finding f = assertFailsOnce(Chains.presenting(pool()).names("pool.example.com", "sip.example.com").context());
    assertTrue(f.message().contains("does not cover sip.example.com ("), f.message());
  }

  @Test
  void partialWildcard_doesNotMatch() {
    X509Certificate leaf = issuing.leaf("x.example.com").noSan().dns("f*o.example.com", "*oo.example.com").build();
    assertFailsOnce(Chains.presenting(leaf).names("foo.example.com").context());
  }

  @Test
  void wildcardNotLeftMost_doesNotMatch() {
    X509Certificate leaf = issuing.leaf("x.example.com").noSan().dns("a.*.example.com").build();
    assertFailsOnce(Chains.presenting(leaf).names("a.b.example.com").context());
  }

  @Test
  void wildcardOverPublicSuffixLike_doesNotMatch() {
    X509Certificate leaf = issuing.leaf("x.example.com").noSan().dns("*.com").build();
    assertFailsOnce(Chains.presenting(leaf).names("example.com").context());
  }

  @Test
  void cnIgnoredWhenThereIsASan() {
    X509Certificate leaf = issuing.leaf("cn.example.com").noSan().dns("san.example.com").build();
    assertFailsOnce(Chains.presenting(leaf).names("cn.example.com").context());
  }

  @Test
  void cnUsedWhenThereIsNoSan() {
    X509Certificate leaf = issuing.leaf("cn.example.com").noSan().build();
    assertPasses(Chains.presenting(leaf).names("cn.example.com").context());
  }

  @Test
  void ipNameNeverMatchesDnsWildcard() {
    X509Certificate leaf = issuing.leaf("x.example.com").noSan().dns("*.0.0.5").build();
    assertFailsOnce(Chains.presenting(leaf).names("10.0.0.5").context());
  }

  @Test
  void ipv6Literal_matchesIpSanInAnyNotation() {
    X509Certificate leaf = issuing.leaf("x.example.com").ip("2001:db8::1").build();
    assertPasses(Chains.presenting(leaf).names("[2001:0db8:0:0:0:0:0:1]").context());
  }

  @Test
  void noExpectedNames_isNotApplicable() {
    assertNotApplicable(Chains.presenting(pool()).context());
  }
}
