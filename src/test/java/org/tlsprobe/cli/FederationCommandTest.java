package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.testing.Dnsmasq;
import org.tlsprobe.testing.Kamailio;
import org.tlsprobe.testing.MiniPki;
import org.tlsprobe.testing.SilentTlsServer;

/**
 * {@code tlsprobe federation} against real components on loopback: dnsmasq serving the SRV and A records of
 * test domains, Kamailio answering SIP OPTIONS over (M)TLS, and a TLS server that never answers SIP.
 */
class FederationCommandTest {
  @TempDir static Path dir;
  private static Dnsmasq dns;
  private static Kamailio good;
  private static Kamailio expired;
  private static Kamailio foreign;
  private static SilentTlsServer silent;
  private static Path root;
  private static Path edgeCert;
  private static Path edgeKey;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Kamailio.installed(), "kamailio with tls module not installed (scripts/install-test-deps.sh)");
    MiniPki.Issued ca = MiniPki.cert("Test Public Root").ca().issue();
    MiniPki.Issued issuing = MiniPki.cert("Test Public Issuing CA").ca().issuedBy(ca).issue();
    MiniPki.Issued partner = MiniPki.cert("sip.good.test").issuedBy(issuing).san("sip.good.test").serverAuth().clientAuth().issue();
    MiniPki.Issued stale = MiniPki.cert("sip.expired.test").issuedBy(issuing).san("sip.expired.test").serverAuth().clientAuth()
        .valid(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(2))).issue();
    MiniPki.Issued quiet = MiniPki.cert("sip.silent.test").issuedBy(issuing).san("sip.silent.test").serverAuth().clientAuth().issue();
    MiniPki.Issued edge = MiniPki.cert("edge.contoso.test").issuedBy(issuing).san("edge.contoso.test").serverAuth().clientAuth().issue();
    root = MiniPki.writePem(dir.resolve("root.pem"), ca.cert());
    edgeCert = MiniPki.writePem(dir.resolve("edge.pem"), edge.cert(), issuing.cert());
    edgeKey = MiniPki.writePem(dir.resolve("edge.key"), edge.keys());

    good = Kamailio.builder(List.of(partner.cert(), issuing.cert()), partner.keys()).requireClientCertificate(ca.cert(), issuing.cert()).start(dir);
    expired = Kamailio.builder(List.of(stale.cert(), issuing.cert()), stale.keys()).start(dir);
    MiniPki.Issued otherRoot = MiniPki.cert("Fabrikam Private Root").ca().issue();
    MiniPki.Issued foreignEdge = MiniPki.cert("sip.foreign.test").issuedBy(issuing).san("sip.foreign.test").serverAuth().clientAuth().issue();
    foreign = Kamailio.builder(List.of(foreignEdge.cert(), issuing.cert()), foreignEdge.keys()).requireClientCertificate(otherRoot.cert()).start(dir);
    silent = new SilentTlsServer(quiet, List.of(quiet.cert(), issuing.cert()));
    dns = Dnsmasq.builder()
        .localDomain("test")
        .srv("_sipfederationtls._tcp.good.test", "sip.good.test", good.port(), 100, 1)
        .srv("_sipinternaltls._tcp.good.test", "pool.eu.good.test", 5061, 0, 0)
        .srv("_sip._tls.good.test", "sip.good.test", 443, 0, 0)
        .srv("_sipfederationtls._tcp.hosted.test", "sip.hoster.test", good.port(), 100, 1)
        .srv("_sipfederationtls._tcp.expired.test", "sip.expired.test", expired.port(), 100, 1)
        .srv("_sipfederationtls._tcp.silent.test", "sip.silent.test", silent.port(), 100, 1)
        .srv("_sipfederationtls._tcp.foreign.test", "sip.foreign.test", foreign.port(), 100, 1)
        .host("sip.foreign.test", "127.0.0.1")
        .host("sip.good.test", "127.0.0.1")
        .host("pool.eu.good.test", "127.0.0.1")
        .host("sip.hoster.test", "127.0.0.1")
        .host("sip.expired.test", "127.0.0.1")
        .host("sip.silent.test", "127.0.0.1")
        .host("sip.none.test", "127.0.0.1")
        .start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (dns != null) dns.close();
    if (good != null) good.close();
    if (expired != null) expired.close();
    if (foreign != null) foreign.close();
    if (silent != null) silent.close();
  }

  private static CliRun federation(String... extra) {
    List<String> args = new ArrayList<>(List.of("federation", "--dns-server", dns.hostPort(), "--trust", root.toString(),
        "--client-cert", edgeCert.toString(), "--client-key", edgeKey.toString(), "--our-name", "edge.contoso.test",
        "--our-domain", "contoso.test", "--timeout", "3s", "--no-fetch"));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  private static Set<String> codes(JsonNode findings) {
    Set<String> out = new TreeSet<>();
    findings.forEach(f -> out.add(f.get("code").asText()));
    return out;
  }

  @Test
  void readyPartner_isReady_withSip200FromKamailio_exit0() {
    CliRun run = federation("--format", "json", "good.test");
    JsonNode r = run.json();
    assertEquals(0, run.exit(), run.out() + run.err() + good.log());
    assertTrue(r.get("ready").asBoolean());
    assertEquals("READY to federate with good.test", r.get("verdict").asText());
    assertEquals("found", r.get("srv").get("status").asText());
    assertEquals("sip.good.test", r.get("srv").get("answers").get(0).get("target").asText());
    JsonNode t = r.get("targets").get(0);
    assertEquals("OK", t.get("outcome").asText(), t.toString());
    assertEquals("127.0.0.1:" + good.port(), t.get("address").asText());
    assertEquals("sip.good.test", t.get("sni").asText());
    assertTrue(t.get("client_ca_names").size() >= 1, "Kamailio asked for our certificate: " + t);
    assertEquals(200, t.get("sip").get("status").asInt());
    assertTrue(t.get("sip").get("time_ms").isIntegralNumber() && t.get("sip").get("time_ms").asLong() >= 0, t.toString());
    assertTrue(t.get("sip").get("server").asText().startsWith("kamailio"));
  }

  @Test
  void html_isOnePage_withASectionPerDomain_andTheirTargetsAsTheProbeShowsThem() {
    CliRun run = federation("--format", "html", "good.test", "none.test");
    assertEquals(1, run.exit(), run.err()); // none.test is not ready
    org.w3c.dom.Element body = (org.w3c.dom.Element) HtmlFormatTest.parse(run.out()).getElementsByTagName("body").item(0);
    List<org.w3c.dom.Element> domains = HtmlFormatTest.elements(body, "section").stream()
        .filter(s -> s.getParentNode() == body).toList();
    assertEquals(2, domains.size(), run.out());
    org.w3c.dom.Element good = domains.get(0);
    assertEquals("good.test READY", HtmlFormatTest.elements(good, "h2").get(0).getTextContent());
    List<org.w3c.dom.Element> targets = HtmlFormatTest.elements(good, "section");
    assertEquals(1, targets.size());
    assertEquals("OK", HtmlFormatTest.withClass(targets.get(0), "span", "outcome").get(0).getTextContent());
    assertTrue(targets.get(0).getTextContent().contains("SIP OPTIONS200 OK"), targets.get(0).getTextContent());
    org.w3c.dom.Element none = domains.get(1);
    assertEquals("none.test NOT READY", HtmlFormatTest.elements(none, "h2").get(0).getTextContent());
    assertTrue(none.getTextContent().contains("none (nxdomain)") && none.getTextContent().contains("SRV_MISSING"), none.getTextContent());
  }

  @Test
  void noSrvRecord_isSrvMissing_notACrash_exit1() {
    CliRun run = federation("--format", "json", "none.test");
    JsonNode r = run.json();
    assertEquals(1, run.exit());
    assertFalse(r.get("ready").asBoolean());
    assertEquals("nxdomain", r.get("srv").get("status").asText());
    assertEquals(Set.of("SRV_MISSING"), codes(r.get("findings")));
    assertTrue(r.get("findings").get(0).get("advice").asText().contains("_sipfederationtls._tcp.none.test."));
    assertTrue(r.get("verdict").asText().contains("fix on their side"), r.get("verdict").asText());
  }

  @Test
  void srvToAnotherDomain_isDomainMismatch_andTheCertificateDoesNotCoverTheTarget() {
    CliRun run = federation("--format", "json", "hosted.test");
    JsonNode r = run.json();
    assertEquals(1, run.exit());
    assertTrue(codes(r.get("findings")).contains("SRV_TARGET_DOMAIN_MISMATCH"), r.toString());
    JsonNode t = r.get("targets").get(0);
    assertTrue(codes(t.get("findings")).contains("NAME_MISMATCH"), t.toString());
  }

  @Test
  void srvToExpiredCertificate_isCertExpired_onTheirSide() {
    CliRun run = federation("--format", "json", "expired.test");
    JsonNode r = run.json();
    assertEquals(1, run.exit());
    JsonNode t = r.get("targets").get(0);
    assertTrue(codes(t.get("findings")).contains("CERT_EXPIRED"), t.toString());
    assertTrue(r.get("fix_their_side").toString().contains("CERT_EXPIRED"), r.toString());
    assertEquals(0, r.get("fix_our_side").size(), r.toString());
  }

  @Test
  void partnerListingOnlyAnotherCa_isClientCaNotAccepted_onOurSide() {
    CliRun run = federation("--format", "json", "foreign.test");
    JsonNode r = run.json();
    assertEquals(1, run.exit());
    JsonNode t = r.get("targets").get(0);
    assertTrue(codes(t.get("client_findings")).contains("CLIENT_CA_NOT_ACCEPTED"), t.toString());
    assertTrue(t.get("client_ca_names").toString().contains("Fabrikam Private Root"), t.toString());
    assertTrue(r.get("fix_our_side").toString().contains("CLIENT_CA_NOT_ACCEPTED"), r.toString());
  }

  @Test
  void tlsServerThatNeverAnswersSip_isSipNoResponse() {
    CliRun run = federation("--format", "json", "silent.test");
    JsonNode r = run.json();
    assertEquals(1, run.exit());
    JsonNode t = r.get("targets").get(0);
    assertEquals("OK", t.get("outcome").asText(), t.toString());
    assertTrue(codes(t.get("findings")).contains("SIP_NO_RESPONSE"), t.toString());
    assertTrue(t.get("sip") == null || t.get("sip").isNull(), t.toString());
  }

  @Test
  void clientDiscovery_targetInSubdomain_isDomainMismatch() {
    CliRun run = federation("--format", "json", "--client-discovery", "--no-sip", "good.test");
    JsonNode r = run.json();
    assertEquals(2, r.get("client_discovery").size());
    assertTrue(codes(r.get("findings")).contains("SRV_TARGET_DOMAIN_MISMATCH"), r.toString());
    assertEquals(1, run.exit());
  }

  @Test
  void severalDomains_giveOneJsonLineEach_andTextEndsWithTheVerdict() {
    CliRun json = federation("--format", "json", "good.test", "none.test");
    assertEquals(2, json.jsonLines().size());
    assertEquals(1, json.exit());
    CliRun text = federation("good.test");
    assertEquals(0, text.exit(), text.out());
    assertTrue(text.out().contains("SRV _sipfederationtls._tcp.good.test:"), text.out());
    assertTrue(text.out().contains("SIP OPTIONS: 200 OK"), text.out());
    assertTrue(text.out().strip().endsWith("READY to federate with good.test"), text.out());
  }

  @Test
  void badDomainOrDnsServer_isUsageError() {
    assertEquals(2, CliRun.run("federation", "not a domain").exit());
    assertEquals(2, CliRun.run("federation", "--dns-server", "127.0.0.1:99999", "good.test").exit());
  }
}
