package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.probe.OpenSslServer;
import org.tlsprobe.probe.ProbePki;
import org.tlsprobe.probe.ProbePkiFiles;

/**
 * MTLS with a client certificate against openssl s_server -Verify: RSA and ECDSA keys, TLS 1.2 and 1.3,
 * PKCS#12 and PEM (PKCS#8, PKCS#1, SEC1) files; a certificate from a CA the server does not accept is
 * rejected.
 */
@Timeout(120)
class ClientCertificateProbeTest {
  @TempDir static Path dir;
  static ProbePkiFiles pki;
  static Path rsaP12;
  static Path rsaPem;
  static Path rsaPkcs1Key;
  static Path ecPem;
  static Path ecSec1Key;
  static Path ecPkcs8Key;
  static Path foreignP12;
  static final String PASSWORD_ENV = "HOME"; // an environment variable every test JVM has; its value is the password

  @BeforeAll
  static void files() throws Exception {
    pki = ProbePkiFiles.create(dir);
    ProbePki.Issued rsa = client("O=Probe Test,CN=fe1.contoso.test", ProbePki.rsa(2048), pki.clientCa);
    ProbePki.Issued ec = client("O=Probe Test,CN=fe2.contoso.test", ProbePki.ec(), pki.clientCa);
    ProbePki.Issued foreignCa = ProbePki.root("Foreign CA");
    ProbePki.Issued foreign = client("O=Elsewhere,CN=fe9.fabrikam.test", ProbePki.rsa(2048), foreignCa);
    char[] pw = System.getenv(PASSWORD_ENV).toCharArray();
    rsaP12 = p12(dir.resolve("rsa.p12"), rsa, pki.clientCa.cert(), pw);
    foreignP12 = p12(dir.resolve("foreign.p12"), foreign, foreignCa.cert(), pw);
    rsaPem = ProbePki.pem(dir, "rsa.pem", rsa.cert());
    rsaPkcs1Key = ProbePki.pem(dir, "rsa-pkcs1.key", rsa.key()); // JcaPEMWriter: "RSA PRIVATE KEY"
    ecPem = ProbePki.pem(dir, "ec.pem", ec.cert());
    ecPkcs8Key = ProbePki.pem(dir, "ec-pkcs8.key", new JcaPKCS8Generator(ec.key(), null).generate()); // "PRIVATE KEY"
    ecSec1Key = dir.resolve("ec-sec1.key"); // "EC PRIVATE KEY" as openssl writes it
    Process p = new ProcessBuilder("openssl", "ec", "-in", ecPkcs8Key.toString(), "-out", ecSec1Key.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertEquals(0, p.waitFor());
    assertTrue(Files.readString(ecSec1Key).contains("BEGIN EC PRIVATE KEY"));
  }

  static ProbePki.Issued client(String subject, KeyPair keys, ProbePki.Issued ca) throws Exception {
    ProbePki.Spec s = new ProbePki.Spec(subject, keys);
    s.eku = new java.util.ArrayList<>(List.of(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth));
    return ProbePki.issue(s, ca);
  }

  static Path p12(Path file, ProbePki.Issued id, X509Certificate ca, char[] pw) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("client", id.key(), pw, new X509Certificate[] {id.cert(), ca});
    try (OutputStream o = Files.newOutputStream(file)) {
      ks.store(o, pw);
    }
    return file;
  }

  static OpenSslServer server(String... version) throws Exception {
    String[] args = new String[version.length + 5];
    System.arraycopy(version, 0, args, 0, version.length);
    System.arraycopy(new String[] {"-Verify", "1", "-verify_return_error", "-CAfile", pki.clientCaCert.toString()}, 0, args,
        version.length, 5);
    return OpenSslServer.start(pki.leafCert, pki.leafKey, args);
  }

  static JsonNode probe(int port, String... clientArgs) {
    String[] base = {"probe", "--format", "json", "--timeout", "5s", "127.0.0.1:" + port};
    String[] all = new String[base.length + clientArgs.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(clientArgs, 0, all, base.length, clientArgs.length);
    CliRun r = CliRun.run(all);
    assertTrue(r.err().isEmpty(), r.err());
    return r.json();
  }

  @Test
  void rsaPkcs12Tls13_ok() throws Exception {
    try (OpenSslServer s = server()) {
      JsonNode j = probe(s.port, "--client-cert", rsaP12.toString(), "--password-env", PASSWORD_ENV);
      assertEquals("OK", j.get("outcome").asText(), j.toString());
      assertEquals("TLSv1.3", j.get("tls_version").asText());
      assertEquals("CN=Probe Client CA,O=Probe Test", j.get("client_ca_names").get(0).asText());
    }
  }

  @Test
  void rsaPemPkcs1Tls12_ok() throws Exception {
    try (OpenSslServer s = server("-tls1_2")) {
      JsonNode j = probe(s.port, "--client-cert", rsaPem.toString(), "--client-key", rsaPkcs1Key.toString());
      assertEquals("OK", j.get("outcome").asText(), j.toString());
      assertEquals("TLSv1.2", j.get("tls_version").asText());
    }
  }

  @Test
  void ecSec1Tls13_ok() throws Exception {
    try (OpenSslServer s = server()) {
      JsonNode j = probe(s.port, "--client-cert", ecPem.toString(), "--client-key", ecSec1Key.toString());
      assertEquals("OK", j.get("outcome").asText(), j.toString());
    }
  }

  @Test
  void ecPkcs8Tls12_ok() throws Exception {
    try (OpenSslServer s = server("-tls1_2")) {
      JsonNode j = probe(s.port, "--client-cert", ecPem.toString(), "--client-key", ecPkcs8Key.toString());
      assertEquals("OK", j.get("outcome").asText(), j.toString());
    }
  }

  @Test
  void foreignCaTls13_clientCertRejected() throws Exception {
    try (OpenSslServer s = server()) {
      JsonNode j = probe(s.port, "--client-cert", foreignP12.toString(), "--password-env", PASSWORD_ENV);
      assertEquals("CLIENT_CERT_REJECTED", j.get("outcome").asText(), j.toString());
      assertEquals("server", j.get("alert").get("from").asText());
    }
  }

  @Test
  void foreignCaTls12_clientCertRejected() throws Exception {
    try (OpenSslServer s = server("-tls1_2")) {
      JsonNode j = probe(s.port, "--client-cert", foreignP12.toString(), "--password-env", PASSWORD_ENV);
      assertEquals("CLIENT_CERT_REJECTED", j.get("outcome").asText(), j.toString());
    }
  }

  @Test
  void wrongPassword_unreadableInput() {
    CliRun r = CliRun.run("probe", "127.0.0.1:1", "--client-cert", rsaP12.toString(), "--password-env", "PATH");
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("password"), r.err());
  }

  @Test
  void keyOfAnotherCertificate_unreadableInput() {
    CliRun r = CliRun.run("probe", "127.0.0.1:1", "--client-cert", rsaPem.toString(), "--client-key", ecSec1Key.toString());
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("does not belong"), r.err());
  }

  @Test
  void missingClientCertFile_unreadableInput() {
    CliRun r = CliRun.run("probe", "127.0.0.1:1", "--client-cert", dir.resolve("nope.p12").toString());
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("no such file"), r.err());
  }
}
