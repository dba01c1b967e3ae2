package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tlsprobe cert} on the files scripts/gen-test-pki.sh made: every format, every exit code, the wording. */
class CertCommandTest {
  static final Path PKI = Path.of("src/test/resources/pki");
  static final String AT = "2030-01-01T00:00:00Z";

  static String f(String name) {
    return PKI.resolve(name).toString();
  }

  static CliRun cert(String... args) {
    List<String> all = new ArrayList<>(List.of("cert"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  /** A sound chain judged against our own root, as an MTLS front end: no findings, exit 0. */
  static CliRun sound(String file, String... more) {
    List<String> args = new ArrayList<>(List.of(f(file), "--trust", f("root-ca.pem"), "--intermediates", f("issuing-ca.pem"),
        "--name", "sip.example.test", "--name", "pool.example.test", "--role", "mtls", "--at", AT));
    args.addAll(List.of(more));
    return cert(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "server-chain.pem, PEM",
    "server-chain-crlf.pem, PEM",
    "server.der, DER",
    "server-pem.cer, PEM",
    "server-der.cer, DER",
    "server-chain.p7b, PKCS#7 (DER)",
    "server-chain-pem.p7b, PKCS#7 (PEM)"})
  void everyFormat_readsTheSameSoundCertificate(String file, String format) {
    CliRun r = sound(file);
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("PASS: no findings"), r.out());
    assertTrue(r.out().contains("(" + format + ", "), r.out());
    assertTrue(r.out().contains("[0] CN=sip.example.test,O=tlsprobe tests"), r.out());
    assertTrue(r.out().contains("SAN      DNS:sip.example.test, DNS:pool.example.test, IP:127.0.0.1"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void crlfPemWithTextAround_readsBothCertificates() {
    CliRun r = sound("server-chain-crlf.pem");
    assertTrue(r.out().contains("(PEM, 2 certificates)"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"root-ca.pem", "root-ca.der", "trust.jks"})
  void trustFromPemDerOrJks_trustsTheRoot(String trust) {
    CliRun r = cert(f("server-chain.pem"), "--trust", f(trust), "--at", AT, "--name", "sip.example.test");
    assertEquals(0, r.exit(), r.out() + r.err());
  }

  @Test
  void trustFolder_skipsWhatIsNotACertificate(@TempDir Path dir) throws Exception {
    Files.copy(PKI.resolve("root-ca.pem"), dir.resolve("root.pem"));
    Files.writeString(dir.resolve("readme.txt"), "not a certificate");
    CliRun r = cert(f("server-chain.pem"), "--trust", dir.toString(), "--at", AT);
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("warning: --trust " + dir + ": skipped") && r.err().contains("readme.txt"), r.err());
  }

  @Test
  void md5LeafWithoutIntermediate_failsWithBothProblemsAndWhatToDo_inOneScreen() {
    CliRun r = cert(f("md5-no-intermediate.pem"), "--trust", f("root-ca.pem"), "--at", AT);
    assertEquals(1, r.exit());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].startsWith("FAIL: 2 errors"), lines[0]);
    assertTrue(r.out().contains("ERROR   CHAIN_INCOMPLETE: [0] The issuer \"CN=tlsprobe Test Issuing CA,O=tlsprobe tests\""), r.out());
    assertTrue(r.out().contains("ERROR   SIGNATURE_MD5: [0]"), r.out());
    assertTrue(r.out().contains("-> Send the intermediate CA certificate"), r.out());
    assertTrue(r.out().contains("-> Have the CA re-issue it with SHA-256"), r.out());
    assertTrue(lines.length <= 24, "more than a screen: " + lines.length + " lines");
  }

  @Test
  void expiredCertificate_failsWithCertExpired() {
    CliRun r = cert(f("expired-chain.pem"), "--trust", f("root-ca.pem"), "--at", "2026-01-01");
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("ERROR   CERT_EXPIRED: [0] The leaf \"CN=old.example.test\" expired on 2021-01-01T00:00:00Z"), r.out());
  }

  @Test
  void selfSigned_fails() {
    CliRun r = cert(f("self-signed.pem"), "--at", AT);
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("SELF_SIGNED"), r.out());
  }

  @Test
  void defaultTrustIsTheSystemStore_soOurTestRootIsUntrusted() {
    CliRun r = cert(f("server-chain.pem"), "--at", AT);
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("CHAIN_UNTRUSTED"), r.out());
    assertTrue(r.out().contains("[1] The chain ends at certificate 1 \"CN=tlsprobe Test Issuing CA,O=tlsprobe tests\", whose issuer "
        + "\"CN=tlsprobe Test Root CA,O=tlsprobe tests\" is not among the system's trusted roots"), r.out());
    assertFalse(r.out().contains("CHAIN_INCOMPLETE"), r.out());
  }

  @Test
  void federationRoleWithPrivateRoot_needsPublicCa() {
    CliRun r = cert(f("server-chain.pem"), "--role", "federation", "--at", AT);
    assertTrue(r.out().contains("PUBLIC_CA_REQUIRED"), r.out());
  }

  @Test
  void severalFiles_oneVerdictFirstThenEachFile() {
    CliRun r = cert(f("server-chain.pem"), f("md5-no-intermediate.pem"), "--trust", f("root-ca.pem"), "--at", AT);
    assertEquals(1, r.exit());
    assertTrue(r.out().startsWith("FAIL: 2 errors"), r.out());
    assertTrue(r.out().contains("(2 files"), r.out());
  }

  // --- unreadable input: exit 3, saying what the file is

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "server.key|a private key, not a certificate",
    "server.csr|a certificate signing request (CSR), not a certificate: send it to the CA and read the certificate it returns",
    "issuing.crl|a CRL (certificate revocation list), not a certificate",
    "empty.pem|an empty file, not a certificate",
    "not-a-cert.html|not a certificate file (starts with \"<html><body>Not ...\")",
    "does-not-exist.pem|no such file"})
  void notACertificate_exit3SayingWhatItIs(String file, String expected) {
    CliRun r = cert(f(file));
    assertEquals(3, r.exit(), r.out() + r.err());
    assertEquals("tlsprobe: " + f(file) + ": " + expected, r.err().strip());
    assertEquals("", r.out());
  }

  @Test
  void derPrivateKey_exit3(@TempDir Path dir) throws Exception {
    String pem = Files.readString(PKI.resolve("server.key"));
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    Path der = dir.resolve("server-key.der");
    Files.write(der, Base64.getDecoder().decode(b64));
    CliRun r = cert(der.toString());
    assertEquals(3, r.exit());
    assertTrue(r.err().contains("a private key, not a certificate"), r.err());
  }

  @Test
  void caCertificatesOnTheirOwn_checkedAsCasNotAsALeaf() throws Exception {
    // a root alone: not a TLS leaf, so no KEY_USAGE_MISMATCH or SELF_SIGNED; only whether anyone trusts it
    CliRun alone = cert(f("root-ca.pem"), "--at", AT);
    assertEquals(1, alone.exit(), alone.out() + alone.err());
    assertTrue(alone.out().contains("note: no end-entity certificate in this file: checked as CA certificates"), alone.out());
    assertTrue(alone.out().contains("ERROR   CHAIN_UNTRUSTED: [0] The chain ends at certificate 0 \"CN=tlsprobe Test Root CA"), alone.out());
    assertFalse(alone.out().contains("KEY_USAGE_MISMATCH") || alone.out().contains("SELF_SIGNED") || alone.out().contains("the leaf"), alone.out());

    // the intermediate against its root passes, and the report says how it was checked
    CliRun json = cert(f("issuing-ca.pem"), "--trust", f("root-ca.pem"), "--at", AT, "--format", "json");
    assertEquals(0, json.exit(), json.out() + json.err());
    JsonNode file = new ObjectMapper().readTree(json.out()).get("files").get(0);
    assertEquals("ca", file.get("purpose").asText());
    assertEquals(0, file.get("findings").size(), file.toString());

    // --purpose server asks for the leaf rules all the same; a self-signed server certificate with the CA flag
    // (as openssl req -x509 makes them) names its host in a SAN and is still judged as the leaf it is
    CliRun asLeaf = cert(f("root-ca.pem"), "--purpose", "server", "--at", AT);
    assertTrue(asLeaf.out().contains("SELF_SIGNED") && asLeaf.out().contains("KEY_USAGE_MISMATCH"), asLeaf.out());
    CliRun selfSignedServer = cert(f("self-signed.pem"), "--at", AT);
    assertTrue(selfSignedServer.out().contains("SELF_SIGNED: [0] The leaf \"CN=self.example.test\" is self-signed"), selfSignedServer.out());
  }

  @Test
  void explicitCurveCertificate_exit3NamingItAndWhy(@TempDir Path dir) throws Exception {
    List<byte[]> chain = new org.tlsprobe.testing.TestPki().explicitCurveChain("pool.example.com");
    byte[] ca = chain.get(1);
    Path pem = dir.resolve("curveball-ca.pem");
    Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(ca) + "\n-----END CERTIFICATE-----\n");
    Path der = dir.resolve("curveball-ca.cer");
    Files.write(der, ca);
    for (Path file : List.of(pem, der)) {
      CliRun r = cert(file.toString());
      assertEquals(3, r.exit(), r.out() + r.err());
      assertTrue(r.err().contains("\"CN=Explicit Curve CA\" cannot be decoded: its public key has explicit elliptic-curve parameters"
          + " instead of a named curve"), r.err());
      assertFalse(r.err().contains("Exception"), r.err()); // the JDK's words are not the user's
    }
    // DER certificates one after the other: the one that does not decode is the one named
    Path both = dir.resolve("leaf-and-ca.der");
    Files.write(both, java.nio.ByteBuffer.allocate(chain.get(0).length + ca.length).put(chain.get(0)).put(ca).array());
    CliRun r = cert(both.toString());
    assertEquals(3, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains(both + ": DER certificate 2 \"CN=Explicit Curve CA\" cannot be decoded: its public key has explicit"), r.err());
  }

  @Test
  void unreadableTrust_exit3NamingTheOption() {
    CliRun r = cert(f("server-chain.pem"), "--trust", f("server.key"));
    assertEquals(3, r.exit());
    assertTrue(r.err().startsWith("tlsprobe: --trust " + f("server.key") + ": a private key"), r.err());
  }

  @Test
  void pkcs12WithoutPasswordOrTerminal_exit3SayingHowToGiveIt() {
    CliRun r = cert(f("server.p12"));
    assertEquals(3, r.exit());
    assertTrue(r.err().contains("protected by a password; give it with --password-env VAR"), r.err());
  }

  @Test
  void passwordEnvNotSet_exit2NamingTheVariable() {
    CliRun r = cert(f("server.p12"), "--password-env", "TLSPROBE_TEST_SURELY_UNSET_VAR");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("the environment variable 'TLSPROBE_TEST_SURELY_UNSET_VAR' is not set"), r.err());
  }

  // --- usage: exit 2 with the bad value and what would be valid

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
    "--role|edge|'edge' is not a role; valid: server, mtls, edge-external, federation, pic",
    "--at|yesterday|'yesterday' is not an ISO-8601 instant or date; e.g. 2026-03-01T12:00:00Z or 2026-03-01",
    "--format|xml|'xml' is not a format; valid: text, json, html",
    "--warn-days|-1|'-1' is negative; give 0 or more days",
    "--purpose|both|'both' is not a purpose; valid: server, client"})
  void badOptionValue_exit2NamingValueAndValidOnes(String option, String value, String expected) {
    CliRun r = cert(f("server-chain.pem"), option, value);
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertTrue(r.err().contains("Try 'tlsprobe cert --help'"), r.err());
  }

  @Test
  void noFile_exit2() {
    CliRun r = cert();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("FILE"), r.err());
  }

  // --- JSON

  @Test
  void json_hasSpecFieldsWithTheirTypes() throws Exception {
    CliRun r = cert(f("md5-no-intermediate.pem"), f("server-chain.pem"), "--trust", f("root-ca.pem"), "--at", AT, "--format", "json");
    assertEquals(1, r.exit());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals("tlsprobe", doc.get("tool").asText());
    assertTrue(doc.get("version").isTextual());
    assertEquals(AT, doc.get("at").asText());
    assertEquals("server", doc.get("role").asText());
    assertEquals(2, doc.get("files").size());
    JsonNode file = doc.get("files").get(0);
    assertEquals(f("md5-no-intermediate.pem"), file.get("path").asText());
    assertEquals("PEM", file.get("format").asText());
    assertEquals("fail", file.get("verdict").asText());
    JsonNode c = file.get("chain").get(0);
    for (String text : List.of("subject", "issuer", "serial", "not_before", "not_after", "key", "signature", "sha256")) {
      assertTrue(c.get(text).isTextual(), text + " in " + c);
    }
    for (String array : List.of("san", "eku", "cdp", "aia")) {
      assertTrue(c.get(array).isArray(), array + " in " + c);
    }
    Instant.parse(c.get("not_before").asText());
    Instant.parse(c.get("not_after").asText());
    assertEquals("MD5withRSA", c.get("signature").asText());
    assertEquals("RSA 2048", c.get("key").asText());
    assertTrue(c.get("sha256").asText().matches("[0-9A-F]{64}"));
    assertEquals("DNS:legacy.example.test", c.get("san").get(0).asText());
    assertEquals("serverAuth", c.get("eku").get(0).asText());
    JsonNode findings = file.get("findings");
    assertEquals("CHAIN_INCOMPLETE", findings.get(0).get("code").asText());
    assertEquals("SIGNATURE_MD5", findings.get(1).get("code").asText());
    for (JsonNode fn : findings) {
      assertTrue(fn.get("code").isTextual() && fn.get("message").isTextual() && fn.get("advice").isTextual(), fn.toString());
      assertTrue(List.of("error", "warning", "info").contains(fn.get("severity").asText()), fn.toString());
      assertTrue(fn.get("certificate").isInt() || fn.get("certificate").isNull(), fn.toString());
    }
    JsonNode second = doc.get("files").get(1);
    assertEquals("pass", second.get("verdict").asText());
    assertEquals(1, doc.get("summary").get("failed").asInt());
    assertEquals(2, doc.get("summary").get("errors").asInt());
  }

  @Test
  void out_writesTheReportToTheFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("report.json");
    CliRun r = sound("server-chain.pem", "--format", "json", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals("pass", new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8)).get("files").get(0).get("verdict").asText());
  }

  @Test
  void clientPurpose_requiresClientAuth() {
    CliRun r = cert(f("md5-no-intermediate.pem"), "--purpose", "client", "--trust", f("root-ca.pem"), "--intermediates", f("issuing-ca.pem"), "--at", AT);
    assertTrue(r.out().contains("ERROR   EKU_CLIENT_AUTH_MISSING"), r.out());
    assertFalse(r.out().contains("EKU_SERVER_AUTH_MISSING"), r.out());
  }
}
