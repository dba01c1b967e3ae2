package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.testing.Kamailio;
import org.tlsprobe.testing.LocalHttpServer;
import org.tlsprobe.testing.MiniPki;
import org.tlsprobe.testing.SilentTlsServer;

/**
 * {@code probe} with its network findings against real TLS servers on loopback, the CA's AIA and CDP
 * served by a real HTTP server: a leaf-only server whose intermediate is at the AIA URL, a revoked leaf,
 * an offline root's stale CRL, and SIP OPTIONS to Kamailio and to a TLS server that never answers SIP.
 */
class ProbeNetworkTest {
  private static final Instant NOW = Instant.now();
  @TempDir static Path dir;
  private static LocalHttpServer http;
  private static SilentTlsServer leafOnly;
  private static SilentTlsServer revoked;
  private static SilentTlsServer fullChain;
  private static Kamailio sip;
  private static Path trustRoot;
  private static Path staleRootTrust;
  private static SilentTlsServer staleRootServer;

  @BeforeAll
  static void start() throws Exception {
    http = new LocalHttpServer();
    MiniPki.Issued root = MiniPki.cert("Probe Root").ca().issue();
    MiniPki.Issued issuing = MiniPki.cert("Probe Issuing CA").ca().issuedBy(root).cdp(http.url("/root.crl")).issue();
    MiniPki.Issued a = MiniPki.cert("a.probe.test").issuedBy(issuing).san("a.probe.test").serverAuth().clientAuth()
        .cdp(http.url("/issuing.crl")).aia(http.url("/issuing.crt")).issue();
    MiniPki.Issued b = MiniPki.cert("b.probe.test").issuedBy(issuing).san("b.probe.test").serverAuth().clientAuth()
        .cdp(http.url("/issuing.crl")).aia(http.url("/issuing.crt")).issue();
    MiniPki.Issued c = MiniPki.cert("c.probe.test").issuedBy(issuing).san("c.probe.test").serverAuth().clientAuth()
        .cdp(http.url("/issuing.crl")).issue();
    http.serve("/issuing.crt", issuing.cert().getEncoded(), "application/pkix-cert");
    http.serve("/issuing.crl", MiniPki.crl(issuing, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7)), b.cert().getSerialNumber()).getEncoded(), "application/pkix-crl");
    http.serve("/root.crl", MiniPki.crl(root, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(150))).getEncoded(), "application/pkix-crl");
    leafOnly = new SilentTlsServer(a, List.of(a.cert()));
    revoked = new SilentTlsServer(b, List.of(b.cert(), issuing.cert()));
    fullChain = new SilentTlsServer(c, List.of(c.cert(), issuing.cert()));
    trustRoot = MiniPki.writePem(dir.resolve("root.pem"), root.cert());

    // An offline root whose CRL ran out: the intermediate it signed names its CDP.
    MiniPki.Issued offline = MiniPki.cert("Offline Root").ca().issue();
    MiniPki.Issued online = MiniPki.cert("Online Issuing CA").ca().issuedBy(offline).cdp(http.url("/offline.crl")).issue();
    MiniPki.Issued d = MiniPki.cert("d.probe.test").issuedBy(online).san("d.probe.test").serverAuth().clientAuth().cdp(http.url("/online.crl")).issue();
    http.serve("/offline.crl", MiniPki.crl(offline, NOW.minus(Duration.ofDays(200)), NOW.minus(Duration.ofDays(3))).getEncoded(), "application/pkix-crl");
    http.serve("/online.crl", MiniPki.crl(online, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))).getEncoded(), "application/pkix-crl");
    staleRootServer = new SilentTlsServer(d, List.of(d.cert(), online.cert()));
    staleRootTrust = MiniPki.writePem(dir.resolve("offline.pem"), offline.cert());

    if (Kamailio.installed()) {
      sip = Kamailio.builder(List.of(c.cert(), issuing.cert()), c.keys()).start(dir);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {leafOnly, revoked, fullChain, staleRootServer, sip, http}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static JsonNode probe(String name, int port, Path trust, String... extra) {
    String[] base = {"probe", "127.0.0.1:" + port, "--sni", name, "--name", name, "--trust", trust.toString(), "--format", "json", "--timeout", "3s"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    CliRun run = CliRun.run(args);
    JsonNode r = run.json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("_exit", run.exit());
    return r;
  }

  private static Set<String> codes(JsonNode r) {
    Set<String> out = new TreeSet<>();
    r.get("findings").forEach(f -> out.add(f.get("code").asText()));
    return out;
  }

  @Test
  void leafOnlyWithIntermediateAtAia_isAiaCompletesChain() {
    JsonNode r = probe("a.probe.test", leafOnly.port(), trustRoot);
    assertTrue(codes(r).contains("AIA_COMPLETES_CHAIN"), r.toString());
    assertEquals(1, r.get("_exit").asInt(), "the missing intermediate stays an error for Schannel clients: " + r);
  }

  @Test
  void revokedLeaf_isCertRevokedOutcome_exit1() {
    JsonNode r = probe("b.probe.test", revoked.port(), trustRoot);
    assertEquals("CERT_REVOKED", r.get("outcome").asText(), r.toString());
    assertTrue(codes(r).contains("CERT_REVOKED"), r.toString());
    assertEquals(1, r.get("_exit").asInt());
  }

  @Test
  void offlineRootCrlPastNextUpdate_isCrlExpired() {
    JsonNode r = probe("d.probe.test", staleRootServer.port(), staleRootTrust);
    assertTrue(codes(r).contains("CRL_EXPIRED"), r.toString());
    assertEquals(1, r.get("_exit").asInt());
  }

  @Test
  void noFetch_downloadsNothing() {
    int before = http.hits("/issuing.crl") + http.hits("/issuing.crt");
    JsonNode r = probe("b.probe.test", revoked.port(), trustRoot, "--no-fetch");
    assertFalse(codes(r).contains("CERT_REVOKED"), r.toString());
    assertEquals(before, http.hits("/issuing.crl") + http.hits("/issuing.crt"));
  }

  @Test
  void sipOptions_severalTargets_eachRequestAddressedToItsOwnTarget() throws Exception {
    assumeTrue(sip != null, "kamailio not installed");
    String byAddress = "127.0.0.1:" + sip.port();
    String byName = "localhost:" + sip.port();
    CliRun run = CliRun.run("probe", byAddress, byName, "--sip-options", "--no-fetch", "--trust", trustRoot.toString(),
        "--format", "json", "--timeout", "3s");
    Map<String, String> reasonByTarget = new java.util.HashMap<>();
    for (String line : run.out().split("\n")) {
      JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      if (r.hasNonNull("sip")) {
        reasonByTarget.put(r.get("target").asText(), r.get("sip").get("reason").asText());
      }
    }
    // the test Kamailio puts the Request-URI it got into its reason phrase
    assertTrue(reasonByTarget.getOrDefault(byAddress, "").contains("sip:" + byAddress), run.out());
    assertTrue(reasonByTarget.getOrDefault(byName, "").contains("sip:" + byName), run.out());
  }

  @Test
  void sipOptions_toKamailio_is200_toSilentServer_isSipNoResponse() {
    assumeTrue(sip != null, "kamailio not installed");
    JsonNode ok = probe("c.probe.test", sip.port(), trustRoot, "--sip-options", "--no-fetch");
    assertEquals(200, ok.get("sip").get("status").asInt(), ok.toString());
    assertTrue(ok.get("sip").get("time_ms").isIntegralNumber() && ok.get("sip").get("time_ms").asLong() >= 0, ok.toString());
    assertEquals(0, ok.get("_exit").asInt(), ok.toString());
    JsonNode quiet = probe("c.probe.test", fullChain.port(), trustRoot, "--sip-options", "--no-fetch");
    assertTrue(codes(quiet).contains("SIP_NO_RESPONSE"), quiet.toString());
    assertEquals(1, quiet.get("_exit").asInt());
  }
}
