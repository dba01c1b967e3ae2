package org.tlsprobe.diagnose.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.SrvLookup;
import org.tlsprobe.model.SrvTarget;

class SrvRulesTest {
  private static SrvLookup found(String name, SrvTarget... targets) {
    return new SrvLookup(name, SrvLookup.Status.FOUND, List.of(targets), "");
  }

  private static SrvTarget target(String host, String... addresses) {
    return new SrvTarget(100, 1, 5061, host, List.of(addresses), addresses.length == 0 ? "NXDOMAIN" : "");
  }

  private static String codes(List<Finding> f) {
    return f.stream().map(x -> x.code() + "/" + x.severity().label()).collect(Collectors.joining(","));
  }

  @Test
  void exactDomainRule() {
    assertTrue(SrvRules.inDomain("sip.contoso.com", "contoso.com"));
    assertTrue(SrvRules.inDomain("SIP.Contoso.com.", "contoso.com"));
    assertTrue(SrvRules.inDomain("contoso.com", "contoso.com"));
    assertFalse(SrvRules.inDomain("pool.emea.contoso.com", "contoso.com"));
    assertFalse(SrvRules.inDomain("sip.contoso.net", "contoso.com"));
    assertFalse(SrvRules.inDomain("evilcontoso.com", "contoso.com"));
  }

  @Test
  void federationRecordInDomainWithAddress_passes() {
    assertEquals("", codes(SrvRules.federation("contoso.com", found("_sipfederationtls._tcp.contoso.com", target("sip.contoso.com", "192.0.2.1")))));
  }

  @Test
  void noFederationRecord_isSrvMissing_sayingWhatToPublish() {
    List<Finding> got = SrvRules.federation("contoso.com", new SrvLookup("_sipfederationtls._tcp.contoso.com", SrvLookup.Status.NXDOMAIN, List.of(), ""));
    assertEquals("SRV_MISSING/error", codes(got));
    assertTrue(got.get(0).advice().contains("_sipfederationtls._tcp.contoso.com. 3600 IN SRV 100 1 5061 sip.contoso.com."), got.get(0).advice());
  }

  @Test
  void federationTargetElsewhere_isWarning_unresolvedIsError() {
    List<Finding> got = SrvRules.federation("contoso.com", found("_sipfederationtls._tcp.contoso.com", target("edge.hoster.net")));
    assertEquals("SRV_TARGET_UNRESOLVED/error,SRV_TARGET_DOMAIN_MISMATCH/warning", codes(got));
  }

  @Test
  void clientTargetInSubdomain_isDomainMismatchError() {
    List<Finding> got = SrvRules.clientDiscovery("contoso.com", List.of(
        found("_sipinternaltls._tcp.contoso.com", target("pool.emea.contoso.com", "10.0.0.1")),
        new SrvLookup("_sip._tls.contoso.com", SrvLookup.Status.NO_RECORD, List.of(), "")));
    assertEquals("SRV_TARGET_DOMAIN_MISMATCH/error", codes(got));
  }

  @Test
  void noClientRecords_isWarning() {
    List<Finding> got = SrvRules.clientDiscovery("contoso.com", List.of(
        new SrvLookup("_sipinternaltls._tcp.contoso.com", SrvLookup.Status.NXDOMAIN, List.of(), ""),
        new SrvLookup("_sip._tls.contoso.com", SrvLookup.Status.NXDOMAIN, List.of(), "")));
    assertEquals("SRV_MISSING/warning", codes(got));
  }
}
