package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.probe.LegacyJsseServer;
import org.tlsprobe.probe.OpenSslServer;
import org.tlsprobe.probe.ProbePkiFiles;

/**
 * Servers that only do old things still answer the default ClientHello, and --enumerate names what they
 * accept: a TLS 1.0-only openssl (LEGACY_PROTOCOL) and a 3DES-only SunJSSE server (WEAK_CIPHER); and a
 * modern openssl server's enumeration matches what it is configured to accept.
 */
@Timeout(180)
class LegacyServerProbeTest {
  @TempDir static Path dir;
  static ProbePkiFiles pki;
  static Path keystore;

  @BeforeAll
  static void pki() throws Exception {
    pki = ProbePkiFiles.create(dir);
    keystore = LegacyJsseServer.keystore(pki, dir);
  }

  static CliRun probe(int port, String... more) {
    List<String> args = new ArrayList<>(List.of("probe", "--format", "json", "--timeout", "5s", "127.0.0.1:" + port,
        "--trust", pki.rootCert.toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(new String[0]));
  }

  static List<String> codes(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("findings").forEach(f -> out.add(f.get("code").asText()));
    return out;
  }

  @Test
  void tls10OnlyServer_okAndLegacyProtocolWhenEnumerated() throws Exception {
    try (OpenSslServer s = OpenSslServer.start(pki.leafCert, pki.leafKey, "-tls1", "-cipher", "AES128-SHA:@SECLEVEL=0",
        "-cert_chain", pki.intermediateCert.toString())) {
      JsonNode plain = probe(s.port).json();
      assertEquals("OK", plain.get("outcome").asText(), plain.toString());
      assertEquals("TLSv1.0", plain.get("tls_version").asText());
      assertEquals("TLS_RSA_WITH_AES_128_CBC_SHA", plain.get("cipher_suite").asText());

      JsonNode e = probe(s.port, "--enumerate").json();
      assertEquals("[\"TLSv1.0\"]", e.get("versions").toString(), e.toString());
      assertEquals("[\"TLS_RSA_WITH_AES_128_CBC_SHA\"]", e.get("cipher_suites").get("TLSv1.0").toString());
      assertTrue(codes(e).contains("LEGACY_PROTOCOL"), e.toString());
    }
  }

  @Test
  void tripleDesOnlyServer_okAndWeakCipherWhenEnumerated() throws Exception {
    try (LegacyJsseServer s = LegacyJsseServer.start(keystore, "TLSv1.2", "SSL_RSA_WITH_3DES_EDE_CBC_SHA")) {
      JsonNode plain = probe(s.port).json();
      assertEquals("OK", plain.get("outcome").asText(), plain.toString());
      assertEquals("TLS_RSA_WITH_3DES_EDE_CBC_SHA", plain.get("cipher_suite").asText());

      JsonNode e = probe(s.port, "--enumerate").json();
      assertEquals("[\"TLS_RSA_WITH_3DES_EDE_CBC_SHA\"]", e.get("cipher_suites").get("TLSv1.2").toString(), e.toString());
      assertTrue(codes(e).contains("WEAK_CIPHER"), e.toString());
    }
  }

  /**
   * SSL 3.0 through our own hello against SunJSSE with SSL 3.0 re-enabled: the SSL 3.0 list is the server's
   * own suites in its order, less those SunJSSE allows only in TLS 1.2 (GCM, SHA-256 MACs); DES stops at
   * TLS 1.1 and EXPORT at TLS 1.0. Checked by hand against a SunJSSE SSLv3 client doing full handshakes.
   */
  @Test
  void sslv3Server_enumeratedWithItsSsl3SuitesAndLegacyProtocol() throws Exception {
    List<String> server = List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA",
        "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_RC4_128_MD5", "SSL_RSA_WITH_DES_CBC_SHA",
        "SSL_RSA_EXPORT_WITH_RC4_40_MD5");
    try (LegacyJsseServer s = LegacyJsseServer.start(keystore, "SSLv3,TLSv1,TLSv1.1,TLSv1.2", String.join(",", server))) {
      JsonNode e = probe(s.port, "--enumerate").json();
      assertEquals("[\"TLSv1.2\",\"TLSv1.1\",\"TLSv1.0\",\"SSLv3\"]", e.get("versions").toString(), e.toString());
      List<String> ssl3 = new ArrayList<>();
      e.get("cipher_suites").get("SSLv3").forEach(n -> ssl3.add(n.asText()));
      assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
          "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_RC4_128_MD5",
          "TLS_RSA_WITH_DES_CBC_SHA", "TLS_RSA_EXPORT_WITH_RC4_40_MD5"), ssl3, e.toString());
      for (String suite : ssl3) { // each one the server's own, by its IANA name
        assertTrue(server.contains(suite) || server.contains(suite.replaceFirst("^TLS_", "SSL_")), suite);
      }
      assertTrue(e.get("cipher_suites").get("TLSv1.2").toString().contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
          "the GCM suite is served, only not in SSL 3.0: " + e);
      JsonNode legacy = null;
      for (JsonNode f : e.get("findings")) {
        if (f.get("code").asText().equals("LEGACY_PROTOCOL") && f.get("message").asText().contains("SSL 3.0")) {
          legacy = f;
        }
      }
      assertTrue(legacy != null, e.toString());
      assertEquals("error", legacy.get("severity").asText());
      CliRun text = CliRun.run("probe", "--timeout", "5s", "127.0.0.1:" + s.port, "--trust", pki.rootCert.toString(),
          "--enumerate");
      assertEquals(1, text.exit(), "LEGACY_PROTOCOL for SSL 3.0 is an error: " + text.out());
      assertTrue(text.out().contains("versions accepted: TLSv1.2, TLSv1.1, TLSv1.0, SSLv3"), text.out());
    }
  }

  @Test
  void serverWithPreferenceOrder_enumeratedInThatOrder() throws Exception {
    String order = "ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA:ECDHE-RSA-CHACHA20-POLY1305:AES128-SHA256";
    try (OpenSslServer s = OpenSslServer.start(pki.leafCert, pki.leafKey, "-tls1_2", "-serverpref", "-cipher", order)) {
      JsonNode e = probe(s.port, "--enumerate").json();
      assertEquals("[\"TLSv1.2\"]", e.get("versions").toString(), e.toString());
      assertEquals("[\"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\",\"TLS_RSA_WITH_AES_256_CBC_SHA\","
          + "\"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256\",\"TLS_RSA_WITH_AES_128_CBC_SHA256\"]",
          e.get("cipher_suites").get("TLSv1.2").toString());
      assertTrue(!codes(e).contains("WEAK_CIPHER") && !codes(e).contains("LEGACY_PROTOCOL"), e.toString());
    }
  }

  @Test
  void clientCertRequiredServer_stillEnumerated() throws Exception {
    try (OpenSslServer s = OpenSslServer.start(pki.leafCert, pki.leafKey, "-Verify", "1", "-verify_return_error",
        "-CAfile", pki.clientCaCert.toString(), "-tls1_3", "-serverpref", "-ciphersuites", "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256")) {
      CliRun r = probe(s.port, "--enumerate");
      JsonNode e = r.json();
      assertEquals("CLIENT_CERT_MISSING", e.get("outcome").asText(), e.toString());
      assertEquals("[\"TLS_AES_256_GCM_SHA384\",\"TLS_AES_128_GCM_SHA256\"]", e.get("cipher_suites").get("TLSv1.3").toString(), e.toString());
    }
  }
}
