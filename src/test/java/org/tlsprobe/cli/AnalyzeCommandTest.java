package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsprobe analyze} as a user runs it: exit codes, error wording, folders, both formats. */
class AnalyzeCommandTest {
  private static Path captures;

  @TempDir Path tmp;

  @BeforeAll
  static void findCaptures() {
    for (String candidate : List.of("../shared/captures-public", "../../shared/captures-public")) {
      if (Files.isDirectory(Path.of(candidate))) {
        captures = Path.of(candidate);
      }
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TlsProbeCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static Path capture(String name) {
    assumeTrue(captures != null, "../shared/captures-public is not beside the project");
    return captures.resolve(name);
  }

  @Test
  void sameChainJudgedTheSame_findingsPrintedOnceThenReferredTo() {
    Run r = run("analyze", "--trust", "captures/pki/root.pem", "captures/expired-5061.pcap", "captures/client-rst-expired-5061.pcap");
    assertEquals(1, r.code(), r.err());
    String expired = "ERROR   CERT_EXPIRED: [0] The leaf \"CN=sip.tlsprobe.test,O=tlsprobe test\" expired on 2025-01-01T00:00:00Z";
    assertEquals(1, r.out().split(java.util.regex.Pattern.quote(expired), -1).length - 1, r.out());
    String second = r.out().substring(r.out().indexOf("captures/client-rst-expired-5061.pcap  "));
    assertTrue(second.contains("findings (server certificate and handshake): the same 1 error as for 127.0.6.5:44071 -> 127.0.5.5:5061 (expired-5061.pcap, from packet #4) above"),
        second);
  }

  @Test
  void okFlowWithCertificateErrors_listedWithoutItsLadder_allShowsIt() {
    // without --trust the test PKI's root is not trusted: the handshake worked, the chain has an error
    Run r = run("analyze", "captures/ok-tls12-mtls-5061.pcap");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("\n  => OK\n") && r.out().contains("CHAIN_UNTRUSTED"), r.out());
    assertFalse(r.out().contains("C -> S  ClientHello"), r.out());

    Run all = run("analyze", "--all", "captures/ok-tls12-mtls-5061.pcap");
    assertTrue(all.out().contains("C -> S  ClientHello") && all.out().contains("C <- S  ServerHelloDone"), all.out());
    assertTrue(all.out().contains("CHAIN_UNTRUSTED"), all.out());
  }

  @Test
  void outNamingOneOfTheCaptures_usageErrorAndTheCaptureKept() throws IOException {
    Path capture = tmp.resolve("keep.pcap");
    Files.copy(Path.of("captures/expired-5061.pcap"), capture);
    long size = Files.size(capture);
    Run r = run("analyze", capture.toString(), "--out", capture.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("is one of the captures to analyze"), r.err());
    assertEquals(size, Files.size(capture));
  }

  @Test
  void missingFile_exit3NamingIt() {
    Run r = run("analyze", tmp.resolve("nope.pcap").toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("nope.pcap") && r.err().contains("no such file"), r.err());
  }

  @Test
  void notACapture_exit3() throws IOException {
    Path text = tmp.resolve("notes.pcap");
    Files.writeString(text, "this is not a capture, just some text that is long enough\n");
    Run r = run("analyze", text.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("notes.pcap"), r.err());
  }

  @Test
  void emptyFolder_exit3() {
    Run r = run("analyze", tmp.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("no .pcap"), r.err());
  }

  @Test
  void unknownFormat_exit2() {
    Run r = run("analyze", "--format", "xml", "x.pcap");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("xml"), r.err());
  }

  @Test
  void unknownRole_exit2() {
    Run r = run("analyze", "--role", "printer", "x.pcap");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("printer"), r.err());
  }

  @Test
  void completedTls13Flow_exit0() {
    Run r = run("analyze", capture("arkime/curl-enabled-tls13.pcap").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("tlsprobe analyze: 1 file, 1 TLS flow, 0 failed, 1 OK"), r.out());
  }

  @Test
  void clientResetAfterCertificate_exit1WithLadderVerdictAndWindowsNames() {
    Run r = run("analyze", capture("ndpi/ja3_lots_of_cipher_suites.pcap").toString());
    assertEquals(1, r.code());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].contains("1 failed"), lines[0]);
    assertTrue(r.out().contains("#11") && r.out().contains("C -> S  RST"), r.out());
    assertTrue(r.out().contains("=> UNTRUSTED_ROOT"), r.out());
    assertTrue(r.out().contains("Windows: SEC_E_UNTRUSTED_ROOT (0x80090325)"), r.out());
  }

  @Test
  void curveBallChain_badCertificateNamingTheCaItCannotRead() {
    // CVE-2020-0601's test server: its CA's key has explicit curve parameters, which the JDK cannot decode either
    Run r = run("analyze", capture("arkime/badcurveball.pcap").toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("=> BAD_CERTIFICATE: The client rejected the server's certificate with fatal alert certificate_unknown (46)"), r.out());
    assertTrue(r.out().contains("the server's certificate 1 \"CN=INFIGO,O=INFIGO IS,ST=Zagreb,C=HR\" cannot be decoded: its public key has"
        + " explicit elliptic-curve parameters"), r.out());
    assertFalse(r.out().contains("CHAIN_INCOMPLETE"), r.out()); // the CA was sent, not left out
    assertFalse(r.out().contains("Exception"), r.out());
  }

  @Test
  void json_hasSpecFieldsWithNullsWhenAbsent() throws IOException {
    Run r = run("analyze", "--format", "json", capture("zeek/tls-1.2-handshake-failure.pcap").toString());
    assertEquals(1, r.code());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals("tlsprobe", doc.get("tool").asText());
    assertEquals(11, doc.get("files").get(0).get("packets").asInt());
    assertEquals("EN10MB", doc.get("files").get(0).get("linktype").asText());
    JsonNode flow = doc.get("flows").get(0);
    for (String field : List.of("file", "client", "server", "start", "tls_version", "sni", "cipher_suite", "handshake", "alert",
        "reset", "outcome", "explanation", "windows", "chain", "findings")) {
      assertTrue(flow.has(field), field);
    }
    assertTrue(flow.get("tls_version").isNull());
    assertTrue(flow.get("sni").isNull());
    assertTrue(flow.get("cipher_suite").isNull());
    assertTrue(flow.get("reset").isNull());
    assertEquals("CIPHER_MISMATCH", flow.get("outcome").asText());
    assertEquals("server", flow.get("alert").get("from").asText());
    assertEquals(40, flow.get("alert").get("code").asInt());
    assertEquals("handshake_failure", flow.get("alert").get("description").asText());
    assertEquals("ClientHello", flow.get("handshake").get(0).get("message").asText());
    assertEquals(1, doc.get("summary").get("failed").asInt());
    assertEquals(1, doc.get("summary").get("by_outcome").get("CIPHER_MISMATCH").asInt());
  }

  @Test
  void jsonWithoutAll_listsOnlyFailedFlowsButCountsAll() throws IOException {
    Run r = run("analyze", "--format", "json", capture("zeek/tls13draft16-ff52.a01.pcap").toString());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(2, doc.get("summary").get("flows").asInt());
    assertEquals(1, doc.get("flows").size());
    Run all = run("analyze", "--format", "json", "--all", capture("zeek/tls13draft16-ff52.a01.pcap").toString());
    assertEquals(2, new ObjectMapper().readTree(all.out()).get("flows").size());
  }

  @Test
  void folder_readsCapturesRecursivelySortedAndWritesOut() throws IOException {
    Path a = Files.createDirectories(tmp.resolve("in/b"));
    Files.copy(capture("zeek/tls-1.2-handshake-failure.pcap"), a.resolve("z.pcap"));
    Files.copy(capture("ndpi/tls_alert.pcap"), tmp.resolve("in/a.pcapng"));
    Files.writeString(tmp.resolve("in/readme.txt"), "not a capture, and not read");
    Path report = tmp.resolve("report.json");
    Run r = run("analyze", "--format", "json", "--out", report.toString(), tmp.resolve("in").toString());
    assertEquals(1, r.code(), r.err());
    assertEquals("", r.out());
    JsonNode doc = new ObjectMapper().readTree(Files.readString(report));
    assertEquals(2, doc.get("files").size());
    assertTrue(doc.get("files").get(0).get("path").asText().endsWith("a.pcapng"));
    assertTrue(doc.get("files").get(1).get("path").asText().endsWith("z.pcap"));
    assertFalse(doc.get("flows").isEmpty());
  }
}
