package org.tlsprobe.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.diagnose.handshake.History;
import org.tlsprobe.diagnose.handshake.WindowsNames;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.model.Role;
import org.tlsprobe.testing.TestPki;

/** The judge with real chains (built in code): chain findings narrow the verdict; client findings stay apart. */
class DiagnosticianTest {
  private static final String SERVER_FLIGHT = "C:ClientHello S:ServerHello S:Certificate S:ServerKeyExchange S:ServerHelloDone ";

  private final TestPki pki = new TestPki();
  private final TestPki.Ca root = pki.root("CN=Judge Root");
  private final TestPki.Ca issuing = root.issuingCa("CN=Judge Issuing CA");
  private final TrustAnchors trust = TrustAnchors.of(List.of(root.certificate()), List.of());
  private final Diagnostician judge = new Diagnostician();

  private DiagnosisContext ctx(String... names) {
    return new DiagnosisContext(Role.SERVER, List.of(names), trust, Optional.of(TestPki.NOW), ChainContext.DEFAULT_WARN_DAYS);
  }

  private static List<byte[]> der(X509Certificate... certs) {
    List<byte[]> out = new ArrayList<>();
    for (X509Certificate c : certs) {
      try {
        out.add(c.getEncoded());
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  private static HandshakeObservation obs(History h) {
    return new HandshakeObservation("test", "10.0.0.5:50123", "10.0.0.9:5061", History.T0, h.transcript());
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).collect(Collectors.toList());
  }

  @Test
  void unknownCaAfterChainWithoutIntermediate_chainIncomplete() {
    X509Certificate leaf = issuing.leaf("pool.example.com").build();
    Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + "C:Alert(fatal,48) C:FIN").serverChain(der(leaf))), ctx());
    assertEquals(Outcome.CHAIN_INCOMPLETE, d.outcome(), d.explanation());
    assertTrue(codes(d.findings()).contains("CHAIN_INCOMPLETE"));
    assertEquals(1, d.chain().size());
    assertTrue(d.hasError());
  }

  @Test
  void unknownCaAfterCompleteChain_untrustedRoot() {
    X509Certificate leaf = issuing.leaf("pool.example.com").build();
    Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + "C:Alert(fatal,48)").serverChain(der(leaf, issuing.certificate()))), ctx());
    assertEquals(Outcome.UNTRUSTED_ROOT, d.outcome(), d.explanation());
    assertFalse(codes(d.findings()).contains("CHAIN_INCOMPLETE"), d.findings().toString());
  }

  @Test
  void clientResetAfterExpiredCertificate_certExpired() {
    X509Certificate leaf = issuing.leaf("pool.example.com").expiredDaysAgo(3).build();
    Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + "C:RST").serverChain(der(leaf, issuing.certificate()))), ctx());
    assertEquals(Outcome.CERT_EXPIRED, d.outcome(), d.explanation());
    assertTrue(d.windows().contains(WindowsNames.CERT_EXPIRED));
  }

  @Test
  void clientResetAfterCertificateForAnotherName_nameMismatch() {
    X509Certificate leaf = issuing.leaf("pool.example.com").build();
    Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + "C:RST").serverChain(der(leaf, issuing.certificate()))),
        ctx("sip.other.example"));
    assertEquals(Outcome.NAME_MISMATCH, d.outcome(), d.explanation());
    assertTrue(d.windows().contains(WindowsNames.WRONG_PRINCIPAL));
  }

  @Test
  void sniIsTheDefaultName_nameMatches() {
    // History's ClientHello sends SNI pool.example.com
    X509Certificate leaf = issuing.leaf("pool.example.com").build();
    Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + "C:RST").serverChain(der(leaf, issuing.certificate()))), ctx());
    assertFalse(codes(d.findings()).contains("NAME_MISMATCH"), d.findings().toString());
  }

  @Test
  void clientCertificateWithoutClientAuth_findingsKeptApart() {
    X509Certificate server = issuing.leaf("pool.example.com").build();
    X509Certificate client = issuing.leaf("edge.example.com").eku(TestPki.SERVER_AUTH).build();
    Diagnosis d = judge.diagnose(obs(History.of("C:ClientHello S:ServerHello S:Certificate S:CertificateRequest S:ServerHelloDone "
        + "C:Certificate C:ClientKeyExchange C:CertificateVerify S:Alert(fatal,42)")
        .serverChain(der(server, issuing.certificate())).clientChain(der(client, issuing.certificate()))), ctx());
    assertEquals(Outcome.CLIENT_CERT_REJECTED, d.outcome(), d.explanation());
    assertTrue(codes(d.clientFindings()).contains("EKU_CLIENT_AUTH_MISSING"), d.clientFindings().toString());
    assertFalse(codes(d.findings()).contains("EKU_CLIENT_AUTH_MISSING"), d.findings().toString());
    assertEquals(2, d.clientChain().size());
  }

  @Test
  void caListBeyondSchannelLimit_clientCaListTooLarge() {
    List<byte[]> names = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      names.add(new byte[100]);
    }
    Diagnosis d = judge.diagnose(obs(History.of("C:ClientHello S:ServerHello S:Certificate S:CertificateRequest S:ServerHelloDone").caNames(names)), ctx());
    assertTrue(codes(d.findings()).contains(Diagnostician.CLIENT_CA_LIST_TOO_LARGE), d.findings().toString());
  }

  @Test
  void undecodableCertificate_findingNotException() {
    Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + "C:RST").serverChain(List.of(new byte[] {0x30, 0x03, 1, 2}))), ctx());
    assertTrue(codes(d.findings()).contains(Diagnostician.CERTIFICATE_UNREADABLE), d.findings().toString());
    // the client reset right after a certificate nobody can read: that certificate is the reason
    assertEquals(Outcome.BAD_CERTIFICATE, d.outcome(), d.explanation());
    assertTrue(d.explanation().contains("the server's certificate 0 cannot be decoded"), d.explanation());
  }

  @Test
  void caWithExplicitCurveParameters_namedAsTheReasonNotAsAMissingIntermediate() {
    List<byte[]> curveBall = pki.explicitCurveChain("pool.example.com"); // leaf, then its CA the JDK cannot decode
    for (String client : List.of("C:Alert(fatal,46)", "C:Alert(fatal,48)", "C:RST")) {
      Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + client).serverChain(curveBall)), ctx("pool.example.com"));
      assertEquals(Outcome.BAD_CERTIFICATE, d.outcome(), client + ": " + d.explanation());
      assertTrue(d.explanation().contains("the server's certificate 1 \"CN=Explicit Curve CA\" cannot be decoded: its public key has explicit elliptic-curve parameters"),
          client + ": " + d.explanation());
      // the CA was sent: the rule that would call it missing is left out, its own finding says what is wrong
      assertFalse(codes(d.findings()).contains("CHAIN_INCOMPLETE"), d.findings().toString());
      assertEquals(1, d.findings().stream().filter(f -> f.code().equals(Diagnostician.CERTIFICATE_UNREADABLE)).count(), d.findings().toString());
      assertEquals(List.of("CN=pool.example.com"), d.chain().stream().map(c -> c.subject()).collect(Collectors.toList()));
    }
  }

  @Test
  void missingIssuerThatIsNotTheUndecodableCertificate_stillChainIncomplete() {
    X509Certificate leaf = issuing.leaf("pool.example.com").build(); // its issuer is not sent; garbage is
    Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + "C:Alert(fatal,48)")
        .serverChain(List.of(der(leaf).get(0), pki.explicitCurveChain("other.example.com").get(1)))), ctx("pool.example.com"));
    assertTrue(codes(d.findings()).contains("CHAIN_INCOMPLETE"), d.findings().toString());
    assertTrue(codes(d.findings()).contains(Diagnostician.CERTIFICATE_UNREADABLE), d.findings().toString());
    assertEquals(Outcome.CHAIN_INCOMPLETE, d.outcome(), d.explanation()); // the issuer left out, not the stray certificate
  }

  @Test
  void undecodableCertificate_namedByItsPositionEveryTimeTheChainComesAgain() {
    X509Certificate leaf = issuing.leaf("pool.example.com").build();
    List<byte[]> chain = List.of(der(leaf).get(0), new byte[] {0x30, 0x03, 1, 2});
    for (int flow = 0; flow < 2; flow++) { // the second time from the cache
      Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + "C:RST").serverChain(chain)), ctx());
      List<String> unreadable = d.findings().stream().filter(f -> f.code().equals(Diagnostician.CERTIFICATE_UNREADABLE))
          .map(Finding::message).collect(Collectors.toList());
      assertEquals(1, unreadable.size(), d.findings().toString());
      assertTrue(unreadable.get(0).startsWith("The server's certificate 1 cannot be decoded: "), unreadable.get(0));
      assertEquals(1, d.chain().size());
    }
  }

  @Test
  void tls13WithoutVisibleChain_saysSo() {
    Diagnosis d = judge.diagnose(obs(History.of("C:ClientHello S:ServerHello S:AppData S:AppData C:RST").tls13()), ctx());
    assertEquals(Outcome.RESET_DURING_HANDSHAKE, d.outcome());
    assertTrue(codes(d.findings()).contains(Diagnostician.CHAIN_NOT_VISIBLE));
  }

  @Test
  void refusedConnection_connectFailedWithWinsockName() {
    Diagnosis d = judge.connectFailed("Connection refused");
    assertEquals(Outcome.CONNECT_FAILED, d.outcome());
    assertTrue(d.explanation().contains("Connection refused"));
    assertEquals(List.of(WindowsNames.CONNECTION_REFUSED), d.windows());
  }

  @Test
  void packetTimeWithoutAt_judgesAtCertificateTime() {
    // valid a year around TestPki.NOW (2026-06-01); the capture is from 2026-01-01: still valid then
    X509Certificate leaf = issuing.leaf("pool.example.com").validity(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z")).build();
    DiagnosisContext packetTime = new DiagnosisContext(Role.SERVER, List.of(), trust, Optional.empty(), 30);
    Diagnosis d = judge.diagnose(obs(History.of(SERVER_FLIGHT + "C:RST").serverChain(der(leaf, issuing.certificate()))), packetTime);
    assertTrue(codes(d.findings()).contains("CERT_NOT_YET_VALID"), d.findings().toString());
    assertEquals(Outcome.CERT_EXPIRED, d.outcome());
  }
}
