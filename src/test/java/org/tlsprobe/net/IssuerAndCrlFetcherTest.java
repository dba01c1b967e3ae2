package org.tlsprobe.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.CrlFetch;
import org.tlsprobe.model.IssuerFetch;
import org.tlsprobe.testing.LocalHttpServer;
import org.tlsprobe.testing.MiniPki;

class IssuerAndCrlFetcherTest {
  private static LocalHttpServer http;
  private static MiniPki.Issued root;
  private static MiniPki.Issued intermediate;
  private static IssuerFetcher issuers;
  private static CrlFetcher crls;

  @BeforeAll
  static void start() throws Exception {
    http = new LocalHttpServer();
    root = MiniPki.cert("Fetch Root").ca().issue();
    intermediate = MiniPki.cert("Fetch Issuing CA").ca().issuedBy(root).issue();
    HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(3), 64 * 1024);
    issuers = new IssuerFetcher(fetcher);
    crls = new CrlFetcher(fetcher);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void derCertificate_isDecoded() throws Exception {
    IssuerFetch got = issuers.fetch(http.serve("/ca.crt", intermediate.cert().getEncoded(), "application/pkix-cert"));
    assertTrue(got.ok(), got.problem());
    assertEquals(List.of(intermediate.cert()), got.certificates());
  }

  @Test
  void pemCertificate_isDecoded() {
    IssuerFetch got = issuers.fetch(http.serve("/ca.pem", MiniPki.pem(intermediate.cert()).getBytes(StandardCharsets.US_ASCII), "application/x-pem-file"));
    assertTrue(got.ok(), got.problem());
    assertEquals(List.of(intermediate.cert()), got.certificates());
  }

  @Test
  void pkcs7CertsOnly_givesEveryCertificate() throws Exception {
    byte[] p7c = CertificateFactory.getInstance("X.509").generateCertPath(List.of(intermediate.cert(), root.cert())).getEncoded("PKCS7");
    IssuerFetch got = issuers.fetch(http.serve("/ca.p7c", p7c, "application/pkcs7-mime"));
    assertTrue(got.ok(), got.problem());
    assertEquals(2, got.certificates().size());
    assertTrue(got.certificates().contains(intermediate.cert()));
  }

  @Test
  void htmlErrorPage_isAProblemNotACrash() {
    IssuerFetch got = issuers.fetch(http.serve("/ca-html.crt", "<html>moved</html>".getBytes(StandardCharsets.US_ASCII), "text/html"));
    assertFalse(got.ok());
    assertTrue(got.problem().contains("not a DER, PEM or PKCS#7"), got.problem());
  }

  @Test
  void unreachableIssuer_saysWhy() {
    IssuerFetch got = issuers.fetch(http.status("/gone.crt", 410));
    assertFalse(got.ok());
    assertTrue(got.problem().contains("HTTP 410"), got.problem());
  }

  @Test
  void derAndPemCrl_areDecoded() throws Exception {
    var crl = MiniPki.crl(intermediate, Instant.now(), Instant.now().plus(Duration.ofDays(7)));
    CrlFetch der = crls.fetch(http.serve("/ca.crl", crl.getEncoded(), "application/pkix-crl"));
    CrlFetch pem = crls.fetch(http.serve("/ca-pem.crl", MiniPki.pem(crl).getBytes(StandardCharsets.US_ASCII), "application/pkix-crl"));
    assertTrue(der.ok(), der.problem());
    assertTrue(pem.ok(), pem.problem());
    assertEquals(crl, der.crl().orElseThrow());
    assertEquals(crl, pem.crl().orElseThrow());
  }

  @Test
  void certificateWhereCrlExpected_isAProblem() throws Exception {
    CrlFetch got = crls.fetch(http.serve("/not-a.crl", intermediate.cert().getEncoded(), "application/pkix-crl"));
    assertFalse(got.ok());
    assertTrue(got.problem().contains("not a DER or PEM CRL"), got.problem());
  }
}
