package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped captures (captures/*.pcap, real handshakes recorded by captures/make-captures.sh) through
 * {@code tlsprobe analyze --format json --all --trust captures/pki/root.pem}, each compared with its
 * captures/X.golden.json.
 *
 * <p>The verdict of every capture is written down here by hand (captures/README.md says why), apart from
 * the goldens: {@code -Dgolden.update=true} rewrites a golden from the analyzer's output only when the
 * verdict is the expected one, so a wrong verdict is never blessed. A capture whose verdict the analyzer
 * still gets wrong is listed in {@link #KNOWN_WRONG} (empty today): its test then
 * expects the wrong verdict and fails once it is right, so the entry gets removed.
 */
class ShippedCapturesGoldenTest {
  private static final Path CAPTURES = Path.of("captures");
  private static final String TRUST = "captures/pki/root.pem";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each capture's one flow and the outcome it must get. */
  private static final Map<String, String> EXPECTED = Map.ofEntries(
      Map.entry("ok-tls12-mtls-5061", "OK"),
      Map.entry("ok-tls13-443", "OK"),
      Map.entry("untrusted-root-5061", "UNTRUSTED_ROOT"),
      Map.entry("missing-intermediate-5061", "CHAIN_INCOMPLETE"),
      Map.entry("expired-5061", "CERT_EXPIRED"),
      Map.entry("name-mismatch-443", "NAME_MISMATCH"),
      Map.entry("no-common-cipher-5061", "CIPHER_MISMATCH"),
      Map.entry("server-rst-after-clienthello-5061", "CIPHER_MISMATCH"),
      Map.entry("client-rst-expired-5061", "CERT_EXPIRED"),
      Map.entry("protocol-mismatch-5061", "PROTOCOL_MISMATCH"),
      Map.entry("client-cert-missing-tls12-5061", "CLIENT_CERT_MISSING"),
      Map.entry("client-cert-missing-tls13-5061", "CLIENT_CERT_MISSING"),
      Map.entry("client-cert-foreign-ca-5061", "CLIENT_CERT_REJECTED"),
      Map.entry("not-tls-5061", "NOT_TLS"),
      Map.entry("never-completes-5061", "INCOMPLETE"),
      Map.entry("revoked-5061", "CERT_REVOKED"),
      Map.entry("bad-certificate-eku-443", "BAD_CERTIFICATE"),
      Map.entry("unrecognized-name-443", "ALERT"),
      Map.entry("server-rst-after-finished-443", "RESET_DURING_HANDSHAKE"),
      Map.entry("client-rst-missing-intermediate-443", "CHAIN_INCOMPLETE"),
      Map.entry("server-rst-foreign-client-cert-5061", "CLIENT_CERT_REJECTED"),
      Map.entry("server-rst-no-client-cert-5061", "CLIENT_CERT_MISSING"));

  /**
   * Captures the analyzer still judges wrongly with {@code --trust captures/pki/root.pem}: capture -> the
   * wrong outcome it gives today (their goldens hold the right verdict).
   */
  private static final Map<String, String> KNOWN_WRONG = Map.of();

  /**
   * Further captures judged wrongly without --trust (our root then unknown to the JDK):
   * capture -> the wrong outcome it gives today.
   */
  private static final Map<String, String> KNOWN_WRONG_WITHOUT_TRUST = Map.of();

  @TestFactory
  Stream<DynamicTest> everyShippedCapture_getsItsExpectedVerdictAndMatchesItsGolden() throws IOException {
    List<String> names = captures();
    assertEquals(new TreeSet<>(EXPECTED.keySet()), new TreeSet<>(names),
        "every capture in captures/ needs its expected outcome here (and a line in captures/README.md)");
    return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
  }

  /** The README's main command, {@code analyze --trust captures/pki/root.pem captures/}: every capture its verdict. */
  @Test
  void readmeMainCommand_givesEveryCaptureItsVerdict() throws IOException {
    assertFolderVerdicts(List.of("--trust", TRUST, CAPTURES.toString()), Map.of());
  }

  /** Without {@code --trust} our test root is unknown: that adds findings, never other outcomes. */
  @Test
  void withoutOurRoot_everyCaptureKeepsItsVerdict() throws IOException {
    assertFolderVerdicts(List.of(CAPTURES.toString()), KNOWN_WRONG_WITHOUT_TRUST);
  }

  private static void assertFolderVerdicts(List<String> args, Map<String, String> alsoWrong) throws IOException {
    Run run = analyze(args);
    assertEquals(ExitCode.FAILED, run.exit, run.err);
    Map<String, String> expected = new TreeMap<>();
    EXPECTED.forEach((name, outcome) -> expected.put(name, alsoWrong.getOrDefault(name, KNOWN_WRONG.getOrDefault(name, outcome))));
    Map<String, String> actual = new TreeMap<>();
    for (JsonNode flow : run.json.get("flows")) {
      String file = Path.of(flow.get("file").asText()).getFileName().toString().replace(".pcap", "");
      assertEquals(null, actual.put(file, flow.get("outcome").asText()), "one flow per capture: " + file);
    }
    assertEquals(expected, actual, "outcomes of analyze " + args + " (a known-wrong entry judged right now must be removed)");
    JsonNode summary = run.json.get("summary");
    assertEquals(EXPECTED.size(), summary.get("flows").asInt());
    assertEquals(expected.values().stream().filter(o -> !o.equals("OK")).count(), summary.get("failed").asLong());
  }

  private static void check(String name) throws IOException {
    Path capture = CAPTURES.resolve(name + ".pcap");
    Run run = analyze(List.of("--trust", TRUST, capture.toString()));
    String expectedOutcome = EXPECTED.get(name);
    JsonNode flows = run.json.get("flows");
    assertEquals(1, flows.size(), "one TLS flow in " + capture);
    String outcome = flows.get(0).get("outcome").asText();
    Path golden = CAPTURES.resolve(name + ".golden.json");

    if (KNOWN_WRONG.containsKey(name)) {
      assertNotEquals(expectedOutcome, outcome, name + " is judged right now: remove it from KNOWN_WRONG and update its golden");
      assertEquals(KNOWN_WRONG.get(name), outcome, name + ": known wrong verdict changed");
      // Its golden, written by hand, still holds the right verdict.
      assertEquals(expectedOutcome, JSON.readTree(golden.toFile()).get("flows").get(0).get("outcome").asText(), golden.toString());
      return;
    }
    assertEquals("OK".equals(expectedOutcome) ? ExitCode.OK : ExitCode.FAILED, run.exit, "exit code; stderr: " + run.err);
    assertEquals(expectedOutcome, outcome, name + ": " + flows.get(0).get("explanation").asText());

    String actual = pretty(run.json);
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail(golden + " is missing: run with -Dgolden.update=true, then check it by hand");
    }
    assertEquals(pretty(JSON.readTree(golden.toFile())), actual, name + " differs from " + golden);
  }

  private static List<String> captures() throws IOException {
    try (Stream<Path> s = Files.list(CAPTURES)) {
      return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".pcap"))
          .map(f -> f.substring(0, f.length() - ".pcap".length())).sorted().collect(Collectors.toList());
    }
  }

  private record Run(int exit, JsonNode json, String err) {}

  private static Run analyze(List<String> args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new java.util.ArrayList<>(List.of("analyze", "--format", "json", "--all"));
    all.addAll(args);
    int exit = TlsProbeCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertTrue(exit == ExitCode.OK || exit == ExitCode.FAILED, "exit " + exit + ": " + err);
    return new Run(exit, JSON.readTree(out.toString()), err.toString());
  }

  /** The report as compared: pretty-printed, without the tool's version (a release must not touch every golden). */
  private static String pretty(JsonNode report) throws IOException {
    JsonNode copy = report.deepCopy();
    ((ObjectNode) copy).remove("version");
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(copy) + "\n";
  }
}
