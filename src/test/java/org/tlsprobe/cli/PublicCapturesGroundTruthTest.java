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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Third-party ground truth: {@code analyze} over every file of ../shared/captures-public must agree with
 * every row of its ground-truth.tsv (219 TLS flows, established with tshark, see its README): the plaintext
 * handshake messages in order, the first fatal alert's sender and description, the first RST's sender, and
 * the outcome under the mapping below. Rows we believe are wrong are listed in {@link #DISPUTED} with the
 * reason and what we assert instead; none is skipped.
 *
 * <p>Outcome mapping (ground truth -> ours):
 * <ul>
 *   <li>{@code OK} -> OK; {@code INCOMPLETE} -> INCOMPLETE, or NOT_TLS where the notes say the reply is not a
 *       valid TLS record; {@code NO_HANDSHAKE} (captured mid-stream) -> INCOMPLETE
 *   <li>{@code ALERT_PROTOCOL_VERSION} -> PROTOCOL_MISMATCH
 *   <li>{@code ALERT_HANDSHAKE_FAILURE} -> CIPHER_MISMATCH when it answers the ClientHello, CLIENT_CERT_MISSING
 *       when it follows an empty client Certificate
 *   <li>{@code ALERT_UNKNOWN_CA} -> UNTRUSTED_ROOT or CHAIN_INCOMPLETE
 *   <li>{@code ALERT_CERTIFICATE_UNKNOWN} -> BAD_CERTIFICATE, or the certificate outcome the chain narrows it to
 *   <li>{@code RST_AFTER_SERVERHELLO|CERTIFICATE|SERVERHELLODONE}: when the client closed (FIN) before the
 *       server's Certificate (a cancelled browser connection) -> RESET_DURING_HANDSHAKE, never a trust
 *       verdict; else (the client gave up right after the certificate) -> a certificate outcome
 *       (UNTRUSTED_ROOT, CHAIN_INCOMPLETE, CERT_EXPIRED, NAME_MISMATCH, CERT_REVOKED)
 *   <li>{@code RST_AFTER_CLIENTHELLO} -> RESET_DURING_HANDSHAKE when the client reset (NOT_TLS when what it
 *       reset on was not TLS: suricata-verify/smtp-tls-protodetect.pcap is an SMTP banner on 465),
 *       CIPHER_MISMATCH when the server did
 *   <li>{@code RST_AFTER_ENCRYPTEDSERVERFLIGHT} -> RESET_DURING_HANDSHAKE (TLS 1.3 hides the chain)
 * </ul>
 */
class PublicCapturesGroundTruthTest {
  private static final Set<String> HANDSHAKE_NAMES = Set.of("ClientHello", "ServerHello", "HelloRetryRequest", "Certificate",
      "CertificateRequest", "ServerKeyExchange", "ServerHelloDone", "ClientKeyExchange", "CertificateVerify",
      "NewSessionTicket", "CertificateStatus");
  private static final Set<String> CERT_OUTCOMES = Set.of("UNTRUSTED_ROOT", "CHAIN_INCOMPLETE", "CERT_EXPIRED", "NAME_MISMATCH", "CERT_REVOKED");

  /** Rows we disagree with, by "file client": why, and the outcome or endpoints we assert instead. */
  private static final Map<String, Dispute> DISPUTED = Map.of(
      "ndpi/tls_missing_ch_frag.pcap 192.168.0.1:33063", new Dispute("OK", null,
          "tshark loses the client stream after the uncaptured ClientHello segment; we resynchronise and see packet 9 carry "
              + "ChangeCipherSpec + a 74-byte record (exactly a TLS 1.3 Finished under TLS_AES_256_GCM_SHA384), then 1925 bytes "
              + "of application data the server acknowledges: the handshake completed"),
      "ndpi/tls_certificate_too_long.pcap 130.211.33.145:443", new Dispute("INCOMPLETE", "192.168.1.121:53432",
          "a mid-stream flow with no SYN and no hello; tshark names the first sender client, we name the side on port 443 "
              + "the server (the capture's convention when nothing else tells): same flow, reversed endpoints"));

  private static Path root;
  private static final Map<String, List<JsonNode>> flowsByFile = new HashMap<>();

  record Dispute(String outcome, String client, String reason) {}

  @BeforeAll
  static void analyzeEveryFile() throws IOException {
    for (String candidate : List.of("../shared/captures-public", "../../shared/captures-public")) {
      if (Files.isRegularFile(Path.of(candidate, "ground-truth.tsv"))) {
        root = Path.of(candidate);
        break;
      }
    }
    assumeTrue(root != null, "../shared/captures-public is not beside the project");
    ObjectMapper json = new ObjectMapper();
    Set<String> files = new TreeSet<>();
    for (Map<String, String> row : rows()) {
      files.add(row.get("file"));
    }
    for (String file : files) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = TlsProbeCommand.run(new String[] {"analyze", "--format", "json", "--all", root.resolve(file).toString()},
          new PrintWriter(out), new PrintWriter(err));
      assertTrue(code == 0 || code == 1, file + ": exit " + code + " " + err);
      List<JsonNode> flows = new ArrayList<>();
      json.readTree(out.toString()).get("flows").forEach(flows::add);
      flowsByFile.put(file, flows);
    }
  }

  static List<Map<String, String>> rows() throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("ground-truth.tsv"));
    String[] header = lines.get(0).split("\t", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < cells.length ? cells[i] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void everyGroundTruthRow_agrees() throws IOException {
    List<Map<String, String>> rows = rows();
    assertEquals(219, rows.size(), "rows in ground-truth.tsv");
    List<String> disagreements = new ArrayList<>();
    int agreed = 0;
    for (Map<String, String> row : rows) {
      String key = row.get("file") + " " + row.get("client_ip:port");
      Dispute dispute = DISPUTED.get(key);
      List<String> bad = check(row, dispute);
      if (bad.isEmpty()) {
        agreed++;
      } else {
        disagreements.add(key + " -> " + row.get("server_ip:port") + ": " + String.join("; ", bad));
      }
    }
    assertTrue(disagreements.isEmpty(), agreed + "/" + rows.size() + " rows agree; disagreements:\n" + String.join("\n", disagreements));
  }

  private static List<String> check(Map<String, String> row, Dispute dispute) {
    List<String> bad = new ArrayList<>();
    String client = dispute != null && dispute.client() != null ? dispute.client() : row.get("client_ip:port");
    String server = dispute != null && dispute.client() != null ? row.get("client_ip:port") : row.get("server_ip:port");
    JsonNode flow = null;
    for (JsonNode f : flowsByFile.get(row.get("file"))) {
      if (sameEndpoint(f.path("client").asText(), client) && sameEndpoint(f.path("server").asText(), server)) {
        flow = f;
        break;
      }
    }
    if (flow == null) {
      bad.add("flow not reported");
      return bad;
    }
    // messages: plaintext handshake names in order (an annotation in [...] belongs to the message before it)
    List<String> want = new ArrayList<>();
    for (String token : row.get("messages").replaceAll("\\[[^\\]]*\\]", "").trim().split("\\s+")) {
      String[] sideAndItem = token.split(":", 2);
      String name = sideAndItem[sideAndItem.length - 1].split("\\(")[0];
      if (HANDSHAKE_NAMES.contains(name)) {
        want.add(sideAndItem[0] + ":" + name);
      }
    }
    List<String> got = new ArrayList<>();
    for (JsonNode h : flow.path("handshake")) {
      if (HANDSHAKE_NAMES.contains(h.path("message").asText())) {
        got.add((h.path("from").asText().equals("client") ? "C" : "S") + ":" + h.path("message").asText());
      }
    }
    if (!want.equals(got)) {
      bad.add("messages " + got + " != " + want);
    }
    // the first fatal alert before completion: sender and description
    String alertDesc = row.get("alert_desc");
    JsonNode alert = flow.path("alert");
    if (!alertDesc.isEmpty() && !alertDesc.contains("[warning]")) {
      String wantFrom = side(row.get("alert_sender"));
      String wantDesc = alertDesc.replaceFirst("^[CS]:", "").split("\\(")[0];
      String gotDesc = alert.isNull() ? "none" : alert.path("description").asText();
      String gotFrom = alert.isNull() ? "none" : alert.path("from").asText();
      if (!wantFrom.equals(gotFrom) || !wantDesc.equals(gotDesc)) {
        bad.add("alert " + gotFrom + ":" + gotDesc + " != " + wantFrom + ":" + wantDesc);
      }
    } else if (!alert.isNull() && "fatal".equals(alert.path("level").asText())) {
      bad.add("alert " + alert + " where the ground truth has no fatal alert");
    }
    // the first RST's sender
    String wantRst = row.get("rst_sender").isEmpty() ? "none" : side(row.get("rst_sender"));
    String gotRst = flow.path("reset").isNull() ? "none" : flow.path("reset").path("from").asText();
    if (!wantRst.equals(gotRst)) {
      bad.add("reset " + gotRst + " != " + wantRst);
    }
    // the outcome
    String outcome = flow.path("outcome").asText();
    Set<String> allowed = dispute != null ? Set.of(dispute.outcome()) : allowedOutcomes(row);
    if (!allowed.contains(outcome)) {
      bad.add("outcome " + outcome + " not in " + allowed + " for " + row.get("outcome"));
    }
    if (!"OK".equals(outcome) && flow.path("explanation").asText().isBlank()) {
      bad.add("no explanation");
    }
    if (!"OK".equals(outcome) && flow.path("windows").isEmpty()) {
      bad.add("no Windows names");
    }
    return bad;
  }

  static Set<String> allowedOutcomes(Map<String, String> row) {
    String o = row.get("outcome");
    String notes = row.get("notes");
    String messages = row.get("messages");
    switch (o) {
      case "OK":
        return Set.of("OK");
      case "INCOMPLETE":
        return notes.contains("not_a_valid_TLS_record") ? Set.of("INCOMPLETE", "NOT_TLS") : Set.of("INCOMPLETE");
      case "NO_HANDSHAKE":
        return Set.of("INCOMPLETE");
      case "ALERT_PROTOCOL_VERSION":
        return Set.of("PROTOCOL_MISMATCH");
      case "ALERT_HANDSHAKE_FAILURE":
        return messages.contains("C:Certificate") ? Set.of("CLIENT_CERT_MISSING") : Set.of("CIPHER_MISMATCH");
      case "ALERT_UNKNOWN_CA":
        return Set.of("UNTRUSTED_ROOT", "CHAIN_INCOMPLETE");
      case "ALERT_CERTIFICATE_UNKNOWN": {
        Set<String> s = new TreeSet<>(CERT_OUTCOMES);
        s.add("BAD_CERTIFICATE");
        return s;
      }
      case "RST_AFTER_CLIENTHELLO":
        // the client's reset may answer a reply that was not TLS at all (an SMTP banner on 465): NOT_TLS is narrower
        return row.get("rst_sender").equals("S") ? Set.of("CIPHER_MISMATCH") : Set.of("RESET_DURING_HANDSHAKE", "NOT_TLS");
      case "RST_AFTER_ENCRYPTEDSERVERFLIGHT":
        return Set.of("RESET_DURING_HANDSHAKE");
      case "RST_AFTER_SERVERHELLO":
      case "RST_AFTER_CERTIFICATE":
      case "RST_AFTER_SERVERHELLODONE":
        if (notes.contains("FIN_first_from=C_after_ClientHello") || notes.contains("FIN_first_from=C_after_ServerHello;")
            || notes.endsWith("FIN_first_from=C_after_ServerHello")) {
          return Set.of("RESET_DURING_HANDSHAKE");
        }
        return CERT_OUTCOMES;
      default:
        throw new AssertionError("ground truth outcome without a mapping: " + o);
    }
  }

  private static String side(String letter) {
    return letter.equals("C") ? "client" : "server";
  }

  private static boolean sameEndpoint(String a, String b) {
    return normalize(a).equals(normalize(b));
  }

  private static String normalize(String endpoint) {
    return endpoint.replace("[", "").replace("]", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** Zeek's validate-certs baselines for the same traces, judged at packet time as Zeek does. */
  @Test
  void zeekBaselines_chainFindingsAtPacketTime() {
    assertTrue(codes("zeek/missing-intermediate.pcap", "192.168.4.149:58529").contains("CHAIN_INCOMPLETE"));
    assertTrue(codes("zeek/missing-intermediate.pcap", "192.168.4.149:58532").contains("CHAIN_INCOMPLETE"));
    assertFalse(codes("zeek/missing-intermediate.pcap", "192.168.4.149:58530").contains("CHAIN_INCOMPLETE"));
    assertTrue(codes("zeek/tls-expired-cert.pcap", "192.168.4.149:60539").contains("CERT_EXPIRED"));
    assertFalse(codes("zeek/tls-expired-cert.pcap", "192.168.4.149:60540").contains("CERT_EXPIRED"));
  }

  private static Set<String> codes(String file, String client) {
    for (JsonNode f : flowsByFile.get(file)) {
      if (f.path("client").asText().equals(client)) {
        Set<String> codes = new TreeSet<>();
        f.path("findings").forEach(x -> codes.add(x.path("code").asText()));
        return codes;
      }
    }
    throw new AssertionError(file + " has no flow from " + client);
  }
}
