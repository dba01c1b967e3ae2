package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.probe.OpenSslServer;
import org.tlsprobe.probe.ProbePkiFiles;
import org.tlsprobe.probe.RawServers;

/** The probe command against real peers on loopback: outcomes, CA names, exit codes. */
@Timeout(120)
class ProbeCommandTest {
  @TempDir static Path dir;
  static ProbePkiFiles pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = ProbePkiFiles.create(dir);
  }

  static CliRun probe(int port, String... more) {
    List<String> args = new ArrayList<>(List.of("probe", "--format", "json", "--timeout", "3s", "127.0.0.1:" + port));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(new String[0]));
  }

  @Test
  void goodServer_ok() throws Exception {
    try (OpenSslServer s = OpenSslServer.start(pki.leafCert, pki.leafKey, "-cert_chain", pki.intermediateCert.toString())) {
      CliRun r = probe(s.port, "--trust", pki.rootCert.toString());
      JsonNode j = r.json();
      assertEquals("OK", j.get("outcome").asText(), r.out());
      assertEquals(0, r.exit(), r.out() + r.err());
      assertEquals(2, j.get("chain").size());
      for (JsonNode f : j.get("findings")) {
        assertTrue(!f.get("severity").asText().equals("error"), r.out()); // the test chain has no CDP: a warning only
      }
      assertEquals("TLSv1.3", j.get("tls_version").asText());
      assertTrue(j.get("client_ca_names").isNull());
      assertEquals("127.0.0.1:" + s.port, j.get("address").asText());
    }
  }

  @Test
  void tls12ClientCertRequiredWithoutCert_clientCertMissingWithCaNames() throws Exception {
    try (OpenSslServer s = OpenSslServer.start(pki.leafCert, pki.leafKey, "-tls1_2", "-Verify", "1",
        "-CAfile", pki.clientCaCert.toString())) {
      CliRun r = probe(s.port);
      JsonNode j = r.json();
      assertEquals("CLIENT_CERT_MISSING", j.get("outcome").asText(), r.out());
      assertEquals(1, r.exit());
      assertEquals("CN=Probe Client CA,O=Probe Test", j.get("client_ca_names").get(0).asText());
    }
  }

  @Test
  void tls13ClientCertRequiredWithoutCert_clientCertMissing() throws Exception {
    try (OpenSslServer s = OpenSslServer.start(pki.leafCert, pki.leafKey, "-Verify", "1",
        "-CAfile", pki.clientCaCert.toString())) {
      CliRun r = probe(s.port);
      JsonNode j = r.json();
      assertEquals("CLIENT_CERT_MISSING", j.get("outcome").asText(), r.out());
      assertEquals("CN=Probe Client CA,O=Probe Test", j.get("client_ca_names").get(0).asText());
    }
  }

  @Test
  void closedPort_connectFailed() throws Exception {
    int port = OpenSslServer.freePort();
    CliRun r = probe(port);
    assertEquals("CONNECT_FAILED", r.json().get("outcome").asText(), r.out());
    assertEquals(1, r.exit());
  }

  @Test
  void plainTextServer_notTls() throws Exception {
    try (RawServers s = RawServers.start(RawServers.Behavior.NOT_TLS)) {
      CliRun r = probe(s.port());
      assertEquals("NOT_TLS", r.json().get("outcome").asText(), r.out());
    }
  }

  @Test
  void silentServer_incompleteAfterTimeout() throws Exception {
    try (RawServers s = RawServers.start(RawServers.Behavior.SILENT)) {
      CliRun r = CliRun.run("probe", "--format", "json", "--timeout", "1s", "127.0.0.1:" + s.port());
      assertEquals("INCOMPLETE", r.json().get("outcome").asText(), r.out());
      assertEquals(1, r.exit());
    }
  }

  @Test
  void resetAfterClientHello_cipherMismatch() throws Exception {
    try (RawServers s = RawServers.start(RawServers.Behavior.RESET_AFTER_HELLO)) {
      CliRun r = probe(s.port());
      JsonNode j = r.json();
      assertEquals("CIPHER_MISMATCH", j.get("outcome").asText(), r.out());
      assertTrue(j.get("reset").get("reset").asBoolean(), r.out());
      assertEquals("server", j.get("reset").get("from").asText());
    }
  }

  @Test
  void targetsFileWithComments_oneResultPerTarget() throws Exception {
    try (OpenSslServer s = OpenSslServer.start(pki.leafCert, pki.leafKey)) {
      int closed = OpenSslServer.freePort();
      Path f = dir.resolve("targets.txt");
      Files.writeString(f, "# edge pool\n127.0.0.1:" + s.port + "  # good one\n\n127.0.0.1:" + closed + "\n");
      CliRun r = CliRun.run("probe", "--format", "json", "--timeout", "3s", "--targets", f.toString());
      List<JsonNode> all = r.jsonLines();
      assertEquals(2, all.size(), r.out());
      assertEquals(1, r.exit());
    }
  }

  @Test
  void badTarget_usageError() {
    CliRun r = CliRun.run("probe", "host:99999");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("port '99999'"), r.err());
  }

  @Test
  void noTarget_usageError() {
    assertEquals(2, CliRun.run("probe").exit());
  }
}
