package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.probe.OpenSslServer;
import org.tlsprobe.probe.ProbePki;

/**
 * The probe records any chain, and the shared rules judge it: each openssl s_server presents one defect, and
 * the report names it with the right code (and exit code 1 for an error).
 */
@Timeout(180)
class ChainFindingsProbeTest {
  @TempDir static Path dir;
  static ProbePki.Issued root;
  static ProbePki.Issued issuing;
  static Path rootPem;
  static Path issuingPem;
  static KeyPair leafKeys;

  @BeforeAll
  static void pki() throws Exception {
    root = ProbePki.root("Chain Root");
    issuing = ProbePki.intermediate("Chain Issuing CA", root);
    rootPem = ProbePki.pem(dir, "root.pem", root.cert());
    issuingPem = ProbePki.pem(dir, "issuing.pem", issuing.cert());
    leafKeys = ProbePki.rsa(2048);
  }

  /** Starts s_server with a leaf made from {@code spec}, optionally sending the issuing CA too; probes it. */
  static JsonNode probe(ProbePki.Spec spec, ProbePki.Issued issuer, boolean sendChain, String... cliArgs) throws Exception {
    ProbePki.Issued leaf = ProbePki.issue(spec, issuer);
    String id = Long.toHexString(System.nanoTime());
    Path cert = ProbePki.pem(dir, id + ".pem", leaf.cert());
    Path key = ProbePki.pem(dir, id + ".key", leaf.key());
    List<String> server = new ArrayList<>(List.of("-cipher", "DEFAULT:@SECLEVEL=0"));
    if (sendChain) {
      server.addAll(List.of("-cert_chain", issuingPem.toString()));
    }
    try (OpenSslServer s = OpenSslServer.start(cert, key, server.toArray(new String[0]))) {
      List<String> args = new ArrayList<>(List.of("probe", "--format", "json", "--timeout", "5s", "127.0.0.1:" + s.port));
      args.addAll(List.of(cliArgs));
      CliRun r = CliRun.run(args.toArray(new String[0]));
      JsonNode j = r.json();
      j = ((com.fasterxml.jackson.databind.node.ObjectNode) j).put("_exit", r.exit());
      return j;
    }
  }

  static ProbePki.Spec leaf() {
    return new ProbePki.Spec("O=Probe Test,CN=sip.contoso.test", leafKeys);
  }

  static JsonNode finding(JsonNode report, String code) {
    for (JsonNode f : report.get("findings")) {
      if (f.get("code").asText().equals(code)) {
        return f;
      }
    }
    throw new AssertionError("no " + code + " in " + report.get("findings"));
  }

  static String trust() {
    return rootPem.toString();
  }

  @Test
  void fullChainTrusted_okExit0() throws Exception {
    JsonNode j = probe(leaf(), issuing, true, "--trust", trust());
    assertEquals("OK", j.get("outcome").asText(), j.toString());
    assertEquals(2, j.get("chain").size());
    assertEquals(0, j.get("_exit").asInt(), j.toString()); // warnings only (the test CA publishes no CDP)
  }

  @Test
  void explicitCurveKey_certificateUnreadableNamedAndExplained() throws Exception {
    // openssl makes what Bouncy Castle's builders would too, but s_server needs the key as a file
    Path key = dir.resolve("explicit.key");
    Path cert = dir.resolve("explicit.pem");
    openssl("ecparam", "-name", "prime256v1", "-param_enc", "explicit", "-genkey", "-noout", "-out", key.toString());
    openssl("req", "-x509", "-new", "-key", key.toString(), "-subj", "/CN=explicit.contoso.test", "-days", "30", "-out", cert.toString());
    try (OpenSslServer s = OpenSslServer.start(cert, key)) {
      CliRun r = CliRun.run("probe", "--format", "json", "--timeout", "5s", "127.0.0.1:" + s.port);
      JsonNode unreadable = finding(r.json(), "CERTIFICATE_UNREADABLE");
      assertTrue(unreadable.get("message").asText().startsWith("The server's certificate 0 \"CN=explicit.contoso.test\" cannot be decoded: "
          + "its public key has explicit elliptic-curve parameters"), unreadable.toString());
      assertEquals(1, r.exit(), r.out() + r.err());
    }
  }

  private static void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
  }

  @Test
  void leafOnly_chainIncomplete() throws Exception {
    JsonNode j = probe(leaf(), issuing, false, "--trust", trust());
    assertEquals("error", finding(j, "CHAIN_INCOMPLETE").get("severity").asText());
    assertEquals(1, j.get("chain").size());
    assertEquals(1, j.get("_exit").asInt());
  }

  @Test
  void expiredLeaf_certExpired() throws Exception {
    ProbePki.Spec s = leaf();
    s.notBefore = Instant.now().minus(Duration.ofDays(400));
    s.notAfter = Instant.now().minus(Duration.ofDays(10));
    JsonNode j = probe(s, issuing, true, "--trust", trust());
    assertEquals(0, finding(j, "CERT_EXPIRED").get("certificate").asInt());
    assertEquals(1, j.get("_exit").asInt());
  }

  @Test
  void otherName_nameMismatch() throws Exception {
    ProbePki.Spec s = leaf();
    s.dnsNames = new ArrayList<>(List.of("other.fabrikam.test"));
    s.ipLoopback = false;
    JsonNode j = probe(s, issuing, true, "--trust", trust(), "--name", "sip.contoso.test");
    finding(j, "NAME_MISMATCH");
    assertEquals(1, j.get("_exit").asInt());
  }

  @Test
  void noClientAuthEkuUnderMtls_ekuClientAuthMissing() throws Exception {
    ProbePki.Spec s = leaf();
    s.eku = new ArrayList<>(List.of(KeyPurposeId.id_kp_serverAuth));
    JsonNode j = probe(s, issuing, true, "--trust", trust(), "--role", "mtls");
    assertEquals("error", finding(j, "EKU_CLIENT_AUTH_MISSING").get("severity").asText());
  }

  @Test
  void md5SignedLeaf_signatureMd5() throws Exception {
    ProbePki.Spec s = leaf();
    s.signature = "MD5withRSA";
    JsonNode j = probe(s, issuing, true, "--trust", trust());
    finding(j, "SIGNATURE_MD5");
  }

  @Test
  void rsa1024Leaf_keyTooSmall() throws Exception {
    ProbePki.Spec s = new ProbePki.Spec("O=Probe Test,CN=sip.contoso.test", ProbePki.rsa(1024));
    JsonNode j = probe(s, issuing, true, "--trust", trust());
    finding(j, "KEY_TOO_SMALL");
    assertEquals("RSA 1024", j.get("chain").get(0).get("key").asText());
  }

  @Test
  void selfSigned_selfSignedAndUntrusted() throws Exception {
    ProbePki.Spec s = leaf();
    JsonNode j = probe(s, null, false);
    finding(j, "SELF_SIGNED");
  }

  @Test
  void privateRootNotTrusted_chainUntrusted() throws Exception {
    JsonNode j = probe(leaf(), issuing, true); // default trust: the JDK's roots, which do not hold our test root
    finding(j, "CHAIN_UNTRUSTED");
    assertEquals(1, j.get("_exit").asInt());
  }
}
