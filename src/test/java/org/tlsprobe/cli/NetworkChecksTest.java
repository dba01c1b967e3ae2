package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Role;
import org.tlsprobe.model.Severity;
import org.tlsprobe.net.HttpFetcher;
import org.tlsprobe.testing.LocalHttpServer;
import org.tlsprobe.testing.MiniPki;

/** AIA and CRL findings from downloads served by a real HTTP server on loopback. */
class NetworkChecksTest {
  private static final Instant NOW = Instant.now();
  private LocalHttpServer http;
  private MiniPki.Issued root;
  private MiniPki.Issued issuing;
  private MiniPki.Issued leaf;
  private TrustAnchors trust;
  private NetworkChecks checks;

  @BeforeEach
  void pki() throws Exception {
    http = new LocalHttpServer();
    root = MiniPki.cert("Contoso Offline Root").ca().issue();
    issuing = MiniPki.cert("Contoso Issuing CA").ca().issuedBy(root).cdp(http.url("/root.crl")).aia(http.url("/root.crt")).issue();
    leaf = MiniPki.cert("sip.contoso.test").issuedBy(issuing).san("sip.contoso.test").serverAuth().clientAuth()
        .cdp(http.url("/issuing.crl")).aia(http.url("/issuing.crt")).issue();
    trust = TrustAnchors.of(List.of(root.cert()), List.of());
    checks = new NetworkChecks(new HttpFetcher(Duration.ofSeconds(3), 1 << 20));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  private void serveCrl(String path, X509CRL crl) throws Exception {
    http.serve(path, crl.getEncoded(), "application/pkix-crl");
  }

  private void freshCrls() throws Exception {
    serveCrl("/issuing.crl", MiniPki.crl(issuing, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))));
    serveCrl("/root.crl", MiniPki.crl(root, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(150))));
  }

  private List<Finding> run(X509Certificate... presented) {
    return checks.check(new ChainContext(List.of(presented), Role.SERVER, Purpose.SERVER, List.of("sip.contoso.test"), NOW, trust, 30));
  }

  private static String codes(List<Finding> findings) {
    return findings.stream().map(f -> f.code() + "/" + f.severity().label() + "@" + f.certificate()).sorted().collect(Collectors.joining(","));
  }

  @Test
  void fullChainWithFreshCrls_givesNoFinding() throws Exception {
    freshCrls();
    assertEquals("", codes(run(leaf.cert(), issuing.cert())));
    assertEquals(0, http.hits("/issuing.crt"), "a complete chain needs no AIA download");
    assertEquals(1, http.hits("/issuing.crl"));
    assertEquals(1, http.hits("/root.crl"));
  }

  @Test
  void leafOnly_withIntermediateAtAia_isAiaCompletesChain_andBothCrlsAreChecked() throws Exception {
    freshCrls();
    http.serve("/issuing.crt", issuing.cert().getEncoded(), "application/pkix-cert");
    List<Finding> got = run(leaf.cert());
    assertEquals("AIA_COMPLETES_CHAIN/warning@0", codes(got));
    assertTrue(got.get(0).message().contains("Contoso Issuing CA"), got.get(0).message());
    assertEquals(1, http.hits("/root.crl"), "the downloaded intermediate's CRL is checked too");
  }

  @Test
  void leafOnly_aiaGone_isAiaUnreachable() throws Exception {
    freshCrls();
    http.status("/issuing.crt", 404);
    List<Finding> got = run(leaf.cert());
    assertTrue(codes(got).contains("AIA_UNREACHABLE/info@0"), codes(got));
    assertTrue(got.stream().anyMatch(f -> f.message().contains("HTTP 404")));
  }

  @Test
  void leafOnSerialList_isCertRevoked() throws Exception {
    serveCrl("/issuing.crl", MiniPki.crl(issuing, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7)), BigInteger.valueOf(12345), leaf.cert().getSerialNumber()));
    serveCrl("/root.crl", MiniPki.crl(root, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(150))));
    List<Finding> got = run(leaf.cert(), issuing.cert());
    assertEquals("CERT_REVOKED/error@0", codes(got));
    assertTrue(got.get(0).message().contains("keyCompromise") || got.get(0).message().toUpperCase().contains("KEY_COMPROMISE"), got.get(0).message());
  }

  @Test
  void offlineRootCrlPastNextUpdate_isCrlExpired_withOfflineRootAdvice() throws Exception {
    serveCrl("/issuing.crl", MiniPki.crl(issuing, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))));
    serveCrl("/root.crl", MiniPki.crl(root, NOW.minus(Duration.ofDays(200)), NOW.minus(Duration.ofDays(20))));
    List<Finding> got = run(leaf.cert(), issuing.cert());
    assertEquals("CRL_EXPIRED/error@1", codes(got));
    assertTrue(got.get(0).advice().contains("offline root"), got.get(0).advice());
    assertTrue(got.get(0).message().contains("20 days"), got.get(0).message());
  }

  @Test
  void crlSignedByAnotherKey_isSignatureInvalid_andItsListIsNotBelieved() throws Exception {
    // Same issuer name, another key: what a CDP serves after the CA was renewed with a new key.
    serveCrl("/issuing.crl", MiniPki.crl(issuing, MiniPki.ecKey(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7)), leaf.cert().getSerialNumber()));
    serveCrl("/root.crl", MiniPki.crl(root, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(150))));
    List<Finding> got = run(leaf.cert(), issuing.cert());
    assertEquals("CRL_SIGNATURE_INVALID/error@0", codes(got));
  }

  @Test
  void cdpAnswering404_isCrlUnreachable() throws Exception {
    http.status("/issuing.crl", 404);
    serveCrl("/root.crl", MiniPki.crl(root, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(150))));
    List<Finding> got = run(leaf.cert(), issuing.cert());
    assertEquals("CRL_UNREACHABLE/warning@0", codes(got));
    assertTrue(got.get(0).message().contains("HTTP 404"), got.get(0).message());
  }

  @Test
  void ldapCdp_isReportedNotChecked_neverSilentlyPassed() throws Exception {
    MiniPki.Issued ldapLeaf = MiniPki.cert("fe.contoso.test").issuedBy(issuing).serverAuth()
        .cdp("ldap:///CN=Contoso%20Issuing%20CA,CN=CDP,CN=Public%20Key%20Services,CN=Services,CN=Configuration,DC=contoso,DC=test?certificateRevocationList?base").issue();
    serveCrl("/root.crl", MiniPki.crl(root, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(150))));
    List<Finding> got = run(ldapLeaf.cert(), issuing.cert());
    assertEquals("CRL_NOT_CHECKED/info@0", codes(got));
    assertTrue(got.get(0).advice().contains("LDAP"), got.get(0).advice());
    assertEquals(Severity.INFO, got.get(0).severity());
  }
}
