package org.tlsprobe.diagnose.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.model.Severity;
import org.tlsprobe.tls.Side;

/**
 * The classifier's rules as a table of histories: most rows are the message sequences tshark saw in
 * ../shared/captures-public (file named in the test), the rest are the failures SPEC.md names that no
 * public capture shows (those are also covered from real bytes by the capture tests).
 */
class TranscriptClassifierTest {
  private static final String TLS12_SERVER_FLIGHT = "C:ClientHello S:ServerHello S:Certificate S:ServerKeyExchange S:ServerHelloDone ";
  private static final String TLS12_FULL = TLS12_SERVER_FLIGHT
      + "C:ClientKeyExchange C:ChangeCipherSpec C:Encrypted S:NewSessionTicket S:ChangeCipherSpec S:Encrypted ";

  private static Classification classify(History h, Finding... chainFindings) {
    return TranscriptClassifier.classify(h.transcript(), List.of(chainFindings));
  }

  private static Finding error(String code) {
    return new Finding(code, Severity.ERROR, code.toLowerCase() + " in the test chain", 0, "");
  }

  private static void assertActionable(Classification c) {
    assertFalse(c.explanation().isBlank(), "explanation");
    assertFalse(c.windows().isEmpty(), "windows");
  }

  @Test
  void tls12BothFinished_ok() {
    Classification c = classify(History.of(TLS12_FULL + "C:EncryptedAlert C:FIN S:FIN"));
    assertEquals(Outcome.OK, c.outcome());
    assertTrue(c.facts().completed());
    assertTrue(c.facts().alert().isEmpty(), "an encrypted alert after completion is not the handshake's alert");
    assertTrue(c.windows().isEmpty());
  }

  @Test
  void resetAfterEstablished_okWithReset() { // arkime/ssl-selfsign.pcap
    Classification c = classify(History.of(TLS12_FULL + "C:AppData S:AppData S:FIN C:EncryptedAlert S:RST"));
    assertEquals(Outcome.OK, c.outcome());
    assertEquals(Side.SERVER, c.facts().reset().get().from());
    assertEquals(Side.SERVER, c.facts().closedFirst().get().from());
    assertFalse(c.facts().closedFirst().get().reset());
  }

  @Test
  void clientFinishedOnly_incomplete() { // ndpi/reddit.pcap :56564, the server's Finished not captured
    Classification c = classify(History.of(TLS12_SERVER_FLIGHT + "C:ClientKeyExchange C:ChangeCipherSpec C:Encrypted C:AppData C:AppData"));
    assertEquals(Outcome.INCOMPLETE, c.outcome());
    assertActionable(c);
  }

  @Test
  void warningAlertBeforeServerHello_ok() { // zeek/tls-early-alert.pcap
    Classification c = classify(History.of("C:ClientHello S:Alert(warning,112) S:ServerHello S:Certificate S:ServerKeyExchange S:ServerHelloDone "
        + "C:ClientKeyExchange C:ChangeCipherSpec C:Encrypted C:AppData S:NewSessionTicket S:ChangeCipherSpec S:Encrypted S:AppData"));
    assertEquals(Outcome.OK, c.outcome());
    assertTrue(c.facts().alert().isEmpty());
  }

  @Test
  void tls13ClientEncryptedRecord_ok() { // zeek/tls13_wolfssl.pcap
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:AppData S:AppData S:AppData S:AppData C:AppData(53) C:AppData C:FIN S:FIN").tls13());
    assertEquals(Outcome.OK, c.outcome());
  }

  @Test
  void tls13ServerFlightOnly_incomplete() { // zeek/openjdk-25.0.2-zeek.org.pcap
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:ChangeCipherSpec S:AppData").tls13());
    assertEquals(Outcome.INCOMPLETE, c.outcome());
    assertTrue(c.explanation().contains("ends after the server's encrypted handshake records"), c.explanation());
  }

  @Test
  void tls13ClientSends19Bytes_encryptedAlertNotCompletion() {
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:ChangeCipherSpec S:AppData S:AppData C:ChangeCipherSpec C:AppData(19) C:FIN S:FIN").tls13());
    assertEquals(Outcome.ALERT, c.outcome());
    assertTrue(c.facts().alert().get().encrypted());
    assertTrue(c.explanation().contains("not visible"), c.explanation());
  }

  @Test
  void tls13ClientResetAfterServerFlight_resetChainNotVisible() { // suricata-verify/tls-duplicate-hello.pcap
    Classification c = classify(History.of("C:ClientHello C:ClientHello S:ServerHello S:ChangeCipherSpec S:AppData S:AppData C:RST").tls13());
    assertEquals(Outcome.RESET_DURING_HANDSHAKE, c.outcome());
    assertEquals("Encrypted", c.facts().reset().get().after());
    assertTrue(c.explanation().contains("not visible"), c.explanation());
    assertActionable(c);
  }

  @Test
  void serverProtocolVersionAlert_protocolMismatch() { // ndpi/tls_alert.pcap
    Classification c = classify(History.of("C:ClientHello S:Alert(fatal,70) S:FIN C:FIN"));
    assertEquals(Outcome.PROTOCOL_MISMATCH, c.outcome());
    assertEquals(70, c.facts().alert().get().code());
    assertTrue(c.windows().contains("Schannel 36888, fatal alert 70 (on the server, which sent it)"), c.windows().toString());
  }

  @Test
  void serverHandshakeFailureToClientHello_cipherMismatch() { // zeek/tls-1.2-handshake-failure.pcap
    Classification c = classify(History.of("C:ClientHello S:Alert(fatal,40) S:FIN C:FIN"));
    assertEquals(Outcome.CIPHER_MISMATCH, c.outcome());
    assertTrue(c.windows().contains(WindowsNames.ALGORITHM_MISMATCH));
    assertTrue(c.windows().contains("Schannel 36874"));
    assertTrue(c.windows().stream().anyMatch(w -> w.startsWith("Schannel 36888, fatal alert 40")));
  }

  @Test
  void serverResetRightAfterClientHello_cipherMismatch() {
    Classification c = classify(History.of("C:ClientHello S:RST"));
    assertEquals(Outcome.CIPHER_MISMATCH, c.outcome());
    assertTrue(c.windows().contains("Schannel 36874"));
    assertTrue(c.explanation().contains("reset"), c.explanation());
  }

  @Test
  void serverInvalidRecord_notTls() { // zeek/tls-1.2-protocol-error.pcap
    Classification c = classify(History.of("C:ClientHello S:Garbage S:FIN C:FIN"));
    assertEquals(Outcome.NOT_TLS, c.outcome());
    assertActionable(c);
  }

  @Test
  void clientUnknownCa_untrustedRoot() { // zeek/tls13draft16-ff52.a01.pcap (draft TLS 1.3, plaintext alert)
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:AppData S:AppData C:Alert(fatal,48) C:FIN S:AppData C:RST").tls13());
    assertEquals(Outcome.UNTRUSTED_ROOT, c.outcome());
    assertEquals(Side.CLIENT, c.facts().reset().get().from());
    assertTrue(c.windows().contains(WindowsNames.UNTRUSTED_ROOT));
  }

  @Test
  void clientUnknownCaWithoutIntermediate_chainIncomplete() {
    Classification c = classify(History.of(TLS12_SERVER_FLIGHT + "C:Alert(fatal,48) C:FIN"), error("CHAIN_INCOMPLETE"));
    assertEquals(Outcome.CHAIN_INCOMPLETE, c.outcome());
    assertTrue(c.windows().contains(WindowsNames.CERT_CHAINING));
  }

  @Test
  void clientCertificateUnknownSoundChain_badCertificate() { // arkime/badcurveball.pcap
    Classification c = classify(History.of(TLS12_SERVER_FLIGHT + "C:Alert(fatal,46) C:FIN S:FIN"));
    assertEquals(Outcome.BAD_CERTIFICATE, c.outcome());
    assertActionable(c);
  }

  @Test
  void clientBadCertificateExpiredChain_certExpired() {
    Classification c = classify(History.of(TLS12_SERVER_FLIGHT + "C:Alert(fatal,42) C:FIN"), error("CERT_EXPIRED"));
    assertEquals(Outcome.CERT_EXPIRED, c.outcome());
  }

  @Test
  void clientAlerts44And45_revokedAndExpired() {
    assertEquals(Outcome.CERT_REVOKED, classify(History.of(TLS12_SERVER_FLIGHT + "C:Alert(fatal,44)")).outcome());
    assertEquals(Outcome.CERT_EXPIRED, classify(History.of(TLS12_SERVER_FLIGHT + "C:Alert(fatal,45)")).outcome());
  }

  @Test
  void clientResetAfterServerHelloDone_judgedByChain() { // ndpi/ja3_lots_of_cipher_suites.pcap
    String h = TLS12_SERVER_FLIGHT + "C:RST";
    assertEquals(Outcome.UNTRUSTED_ROOT, classify(History.of(h)).outcome());
    assertEquals(Outcome.CERT_EXPIRED, classify(History.of(h), error("CERT_EXPIRED")).outcome());
    assertEquals(Outcome.CHAIN_INCOMPLETE, classify(History.of(h), error("CHAIN_INCOMPLETE")).outcome());
    assertEquals(Outcome.NAME_MISMATCH, classify(History.of(h), error("NAME_MISMATCH")).outcome());
    Classification c = classify(History.of(h));
    assertEquals("ServerHelloDone", c.facts().reset().get().after());
    assertEquals(6, c.facts().reset().get().packet());
  }

  @Test
  void warningFindingDoesNotNarrow_untrustedRoot() {
    Finding soon = new Finding("CERT_EXPIRED", Severity.WARNING, "soon", 0, "");
    assertEquals(Outcome.UNTRUSTED_ROOT, classify(History.of(TLS12_SERVER_FLIGHT + "C:RST"), soon).outcome());
  }

  @Test
  void clientFinAfterServerHelloDoneThenServerReset_judgedByChain() { // ndpi/tls_certificate_too_long.pcap
    Classification c = classify(History.of(TLS12_SERVER_FLIGHT + "C:FIN S:RST"));
    assertEquals(Outcome.UNTRUSTED_ROOT, c.outcome());
    assertEquals(Side.SERVER, c.facts().reset().get().from());
    assertEquals(Side.CLIENT, c.facts().closedFirst().get().from());
  }

  @Test
  void clientFinAfterServerHelloDoneWithoutReset_incomplete() { // zeek/tls-fragmented-handshake.pcap
    Classification c = classify(History.of(TLS12_SERVER_FLIGHT + "C:FIN S:FIN"));
    assertEquals(Outcome.INCOMPLETE, c.outcome());
    assertTrue(c.explanation().contains("client closed"), c.explanation());
  }

  @Test
  void browserCancelsThenResets_resetNotTrustFailure() { // ndpi/reddit.pcap :56562
    Classification c = classify(History.of("C:ClientHello C:FIN S:ServerHello S:Certificate S:CertificateStatus S:ServerKeyExchange S:ServerHelloDone C:RST C:RST S:FIN C:RST"),
        error("CHAIN_INCOMPLETE"));
    assertEquals(Outcome.RESET_DURING_HANDSHAKE, c.outcome());
    assertTrue(c.explanation().contains("abandoned"), c.explanation());
    assertEquals("ClientHello", c.facts().closedFirst().get().after());
    assertEquals("ServerHelloDone", c.facts().reset().get().after());
  }

  @Test
  void clientFinRightAfterClientHello_incomplete() { // ndpi/webex.pcap
    assertEquals(Outcome.INCOMPLETE, classify(History.of("C:ClientHello C:FIN S:FIN")).outcome());
  }

  @Test
  void clientResetRightAfterClientHello_reset() { // suricata-verify/smtp-tls-protodetect.pcap
    Classification c = classify(History.of("C:ClientHello C:RST"));
    assertEquals(Outcome.RESET_DURING_HANDSHAKE, c.outcome());
    assertTrue(c.explanation().contains("before the server answered"), c.explanation());
  }

  @Test
  void emptyClientCertificateThenHandshakeFailure_clientCertMissing() { // zeek/certificate-request-failed.pcap
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:Certificate S:ServerKeyExchange S:CertificateRequest S:ServerHelloDone "
        + "C:Certificate C:ClientKeyExchange C:ChangeCipherSpec C:Encrypted S:Alert(fatal,40) S:FIN C:FIN").emptyClientCertificate());
    assertEquals(Outcome.CLIENT_CERT_MISSING, c.outcome());
    assertTrue(c.explanation().contains("empty Certificate"), c.explanation());
  }

  @Test
  void presentedClientCertificateThenUnknownCa_clientCertRejected() {
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:Certificate S:CertificateRequest S:ServerHelloDone "
        + "C:Certificate C:ClientKeyExchange C:CertificateVerify S:Alert(fatal,48)"));
    assertEquals(Outcome.CLIENT_CERT_REJECTED, c.outcome());
    assertTrue(c.windows().contains("Schannel 36877"));
  }

  @Test
  void presentedClientCertificateThenServerReset_clientCertRejected() {
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:Certificate S:CertificateRequest S:ServerHelloDone "
        + "C:Certificate C:ClientKeyExchange C:CertificateVerify C:ChangeCipherSpec C:Encrypted S:RST"));
    assertEquals(Outcome.CLIENT_CERT_REJECTED, c.outcome());
  }

  @Test
  void serverCertificateRequiredAlert_clientCertMissing() {
    // what a live probe sees in TLS 1.3 (decrypted): the server refuses after the client's Finished
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:EncryptedExtensions S:CertificateRequest S:Certificate S:CertificateVerify S:Finished "
        + "C:Certificate C:Finished S:Alert(fatal,116)").tls13().emptyClientCertificate());
    assertEquals(Outcome.CLIENT_CERT_MISSING, c.outcome());
    assertFalse(c.facts().completed());
  }

  @Test
  void midStreamWithReset_incomplete() { // ndpi/tls_certificate_too_long.pcap :53905
    assertEquals(Outcome.INCOMPLETE, classify(History.of("C:FIN S:EncryptedAlert S:FIN C:RST")).outcome());
  }

  @Test
  void serverOnlyCapture_incomplete() { // ndpi/tls_1.2_unidirectional_server.pcapng
    assertEquals(Outcome.INCOMPLETE, classify(History.of("S:ServerHello S:Certificate S:ServerKeyExchange S:ServerHelloDone S:NewSessionTicket S:ChangeCipherSpec S:Encrypted S:AppData")).outcome());
  }

  @Test
  void otherFatalAlert_alert() {
    Classification c = classify(History.of(TLS12_SERVER_FLIGHT + "C:ClientKeyExchange C:ChangeCipherSpec C:Encrypted S:Alert(fatal,20)"));
    assertEquals(Outcome.ALERT, c.outcome());
    assertActionable(c);
  }

  @Test
  void helloRetryThenComplete_ok() { // zeek/hrr.pcap
    assertEquals(Outcome.OK, classify(History.of("C:ClientHello S:HelloRetryRequest S:ChangeCipherSpec C:ChangeCipherSpec C:ClientHello S:ServerHello S:AppData C:AppData S:AppData C:AppData C:FIN S:FIN").tls13()).outcome());
  }

  @Test
  void sslv2BothEncrypted_ok() { // zeek/ssl-v2.pcap
    assertEquals(Outcome.OK, classify(History.of("C:SSL2ClientHello S:SSL2ServerHello C:SSL2ClientMasterKey S:SSL2Encrypted C:SSL2Encrypted S:SSL2Encrypted S:FIN C:FIN")).outcome());
  }

  @Test
  void sslv2ServerHelloOnly_incomplete() {
    assertEquals(Outcome.INCOMPLETE, classify(History.of("C:SSL2ClientHello S:SSL2ServerHello")).outcome());
  }

  @Test
  void tls13EmptyClientCertificateThenServerAlertAndFin_clientCertMissing() { // captures/client-cert-missing-tls13-5061.pcap
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:ChangeCipherSpec S:AppData(23) S:AppData(191) S:AppData(1977) S:AppData(281) S:AppData(69) "
        + "C:ChangeCipherSpec C:AppData(25) C:AppData(69) S:AppData(19) S:FIN C:FIN").tls13());
    assertEquals(Outcome.CLIENT_CERT_MISSING, c.outcome(), c.explanation());
    assertFalse(c.facts().completed());
  }

  @Test
  void tls13ServerTicketAfterClientFlight_ok() {
    Classification c = classify(History.of("C:ClientHello S:ServerHello S:AppData(23) S:AppData(1977) C:AppData(25) C:AppData(69) S:AppData(250) S:AppData(19) S:FIN").tls13());
    assertEquals(Outcome.OK, c.outcome(), c.explanation());
  }

  @Test
  void unrecognizedName_namesTheSniTheServerHasNothingFor() {
    Classification c = classify(History.of("C:ClientHello S:Alert(fatal,112) S:FIN"));
    assertEquals(Outcome.ALERT, c.outcome());
    assertTrue(c.explanation().contains("it has no certificate or site for pool.example.com, the name the client asked for (SNI)"), c.explanation());
    Classification noSni = classify(History.of("C:ClientHello S:Alert(fatal,112) S:FIN").noSni());
    assertTrue(noSni.explanation().contains("the client sent no server name (SNI)"), noSni.explanation());
  }

  @Test
  void otherServerAlertToTheClientHello_saysWhatTheAlertMeans() {
    Classification c = classify(History.of("C:ClientHello S:Alert(fatal,80) S:FIN"));
    assertEquals(Outcome.ALERT, c.outcome());
    assertEquals("The server refused the client's ClientHello with fatal alert internal_error (80); the server hit an internal error: see its log.",
        c.explanation());
  }
}
