package org.tlsprobe.tls.transcript;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.testing.EngineHandshake;
import org.tlsprobe.tls.transcript.Recordings.Kind;

/** Transcripts of real JDK handshakes, fed one flight per packet. */
class TranscriptBuilderTest {

  private static HandshakeTranscript transcript(Kind kind) throws Exception {
    return Transcripts.feed(Recordings.get(kind)).build();
  }

  @Test
  void tls12ServerAuth_readsEveryPlaintextMessageAndEncryptedFinished() throws Exception {
    assertTrue(Recordings.get(Kind.TLS12_SERVER_AUTH).completed());
    HandshakeTranscript t = transcript(Kind.TLS12_SERVER_AUTH);
    assertEquals("C:ClientHello S:ServerHello S:Certificate S:ServerKeyExchange S:ServerHelloDone C:ClientKeyExchange"
        + " C:ChangeCipherSpec C:EncryptedHandshake S:NewSessionTicket S:ChangeCipherSpec S:EncryptedHandshake"
        + " C:AppData S:AppData", Transcripts.render(t));
    assertEquals(TlsVersion.TLSv1_2, t.serverHello().orElseThrow().version());
    assertFalse(t.serverHello().get().helloRetryRequest());
    assertEquals(2, t.serverCertificate().orElseThrow().certificates().size());
    assertTrue(t.certificateRequest().isEmpty());
    assertTrue(t.clientCertificate().isEmpty());
  }

  @Test
  void tls12ServerAuth_packetNumbersAreTheFlightsThatCarriedEachMessage() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_SERVER_AUTH);
    HandshakeTranscript t = Transcripts.feed(rec).build();
    TranscriptEvent first = t.events().get(0);
    assertEquals(1, first.packet());
    assertEquals(Transcripts.T0.plusMillis(1), first.time());
    for (TranscriptEvent e : t.events()) {
      assertEquals(rec.chunks().get((int) e.packet() - 1).from(), e.from(), "sender of packet " + e.packet());
    }
  }

  @Test
  void clientHello_offersSniAlpnAndVersions() throws Exception {
    var ch = transcript(Kind.TLS13_SERVER_AUTH).clientHello().orElseThrow();
    assertEquals(Optional.of(Recordings.SNI), ch.serverName());
    assertEquals(Recordings.ALPN, ch.alpn());
    assertEquals(List.of(0x0304), ch.supportedVersions());
    assertEquals(0x0303, ch.legacyVersion());
    assertFalse(ch.sslv2Format());
    assertTrue(ch.cipherSuites().contains(0x1301), ch.cipherSuites().toString());
  }

  @Test
  void tls12Mtls_keepsRequestWithCaNamesAndClientChain() throws Exception {
    HandshakeTranscript t = transcript(Kind.TLS12_MTLS);
    assertEquals("C:ClientHello S:ServerHello S:Certificate S:ServerKeyExchange S:CertificateRequest S:ServerHelloDone"
        + " C:Certificate C:ClientKeyExchange C:CertificateVerify C:ChangeCipherSpec C:EncryptedHandshake"
        + " S:NewSessionTicket S:ChangeCipherSpec S:EncryptedHandshake C:AppData S:AppData", Transcripts.render(t));
    var request = t.certificateRequest().orElseThrow();
    assertEquals(1, request.certificateAuthorities().size());
    assertEquals(new X500Principal("CN=Recordings Root CA"), new X500Principal(request.certificateAuthorities().get(0)));
    assertFalse(request.signatureAlgorithms().isEmpty());
    assertFalse(request.certificateTypes().isEmpty());
    assertArrayEquals(Recordings.pki().ca().getEncoded(), t.clientCertificate().orElseThrow().certificates().get(1));
    assertArrayEquals(Recordings.pki().ca().getEncoded(), t.serverCertificate().orElseThrow().certificates().get(1));
  }

  @Test
  void tls12ClientWithoutCertificate_emptyCertificateKeptAndServerAlertReadable() throws Exception {
    HandshakeTranscript t = transcript(Kind.TLS12_MTLS_NO_CLIENT_CERT);
    assertTrue(t.clientCertificate().orElseThrow().isEmpty());
    TranscriptEvent last = t.events().get(t.events().size() - 1);
    assertEquals(new TranscriptEvent.Alert(Side.SERVER, last.packet(), last.time(), 2, 42), last);
  }

  @Test
  void tls12UntrustedServer_clientFatalAlertAfterServerHelloDone() throws Exception {
    assertEquals("C:ClientHello S:ServerHello S:Certificate S:ServerKeyExchange S:ServerHelloDone"
        + " C:Alert(fatal,certificate_unknown)", Transcripts.render(transcript(Kind.TLS12_UNTRUSTED_SERVER)));
  }

  @Test
  void tls13_serverFlightIsApplicationDataAndCcsIsCompatibilityOnly() throws Exception {
    HandshakeTranscript t = transcript(Kind.TLS13_SERVER_AUTH);
    assertEquals("C:ClientHello S:ServerHello S:ChangeCipherSpec S:AppData C:ChangeCipherSpec C:AppData"
        + " S:AppData C:AppData S:AppData", Transcripts.render(t));
    assertEquals(TlsVersion.TLSv1_3, t.serverHello().orElseThrow().version());
    assertEquals(Optional.of(0x0304), t.serverHello().get().selectedVersion());
    assertTrue(t.serverCertificate().isEmpty(), "the TLS 1.3 certificate is encrypted");
  }

  @Test
  void tls13UntrustedServer_clientAlertIsEncryptedApplicationData() throws Exception {
    HandshakeTranscript t = transcript(Kind.TLS13_UNTRUSTED_SERVER);
    assertEquals("C:ClientHello S:ServerHello S:ChangeCipherSpec S:AppData C:ChangeCipherSpec C:AppData",
        Transcripts.render(t));
    TranscriptEvent.ApplicationData alert = (TranscriptEvent.ApplicationData) t.events().get(t.events().size() - 1);
    // the JDK pads its encrypted alert to 35 bytes (OpenSSL's are 19): only "small" holds for both
    assertTrue(alert.length() < 64, "an encrypted alert, not a flight: " + alert.length());
  }

  @Test
  void decryptedTls13Messages_fromTheProbe_areReadLikePlaintext() throws Exception {
    HandshakeTranscript wire = transcript(Kind.TLS13_MTLS);
    TranscriptBuilder b = Transcripts.feed(Recordings.get(Kind.TLS13_MTLS));
    byte[] certificate = tls13CertificateBody(wire.serverCertificate(), Recordings.pki().ca().getEncoded());
    b.handshakeMessage(Side.SERVER, 11, certificate, 0, Transcripts.T0);
    b.alert(Side.CLIENT, 2, 48, 0, Transcripts.T0);
    HandshakeTranscript t = b.build();
    assertArrayEquals(Recordings.pki().ca().getEncoded(), t.serverCertificate().orElseThrow().certificates().get(0));
    assertTrue(Transcripts.render(t).endsWith("S:Certificate C:Alert(fatal,unknown_ca)"), Transcripts.render(t));
  }

  /** A TLS 1.3 Certificate body holding {@code der}: empty context, one entry with no extensions. */
  private static byte[] tls13CertificateBody(Optional<?> ignored, byte[] der) {
    int entry = 3 + der.length + 2;
    byte[] b = new byte[1 + 3 + entry];
    int p = 0;
    b[p++] = 0;
    p = u24(b, p, entry);
    p = u24(b, p, der.length);
    System.arraycopy(der, 0, b, p, der.length);
    return b;
  }

  private static int u24(byte[] b, int p, int v) {
    b[p] = (byte) (v >> 16);
    b[p + 1] = (byte) (v >> 8);
    b[p + 2] = (byte) v;
    return p + 3;
  }

  @Test
  void closeAndGap_areEvents() throws Exception {
    TranscriptBuilder b = Transcripts.feed(Recordings.get(Kind.TLS12_SERVER_AUTH));
    b.gap(Side.SERVER, 100, 90, Transcripts.T0);
    b.close(Side.CLIENT, true, 91, Transcripts.T0);
    List<TranscriptEvent> events = b.build().events();
    assertEquals(new TranscriptEvent.Gap(Side.SERVER, 90, Transcripts.T0, 100), events.get(events.size() - 2));
    assertEquals(new TranscriptEvent.Close(Side.CLIENT, 91, Transcripts.T0, true), events.get(events.size() - 1));
  }

  @Test
  void anyHandshake_looksLikeTlsAfterTheFirstHeader() throws Exception {
    byte[] client = Recordings.get(Kind.TLS12_SERVER_AUTH).stream(Side.CLIENT);
    TranscriptBuilder b = new TranscriptBuilder();
    b.bytes(Side.CLIENT, client, 0, 4, 1, Transcripts.T0);
    assertFalse(b.looksLikeTls());
    b.bytes(Side.CLIENT, client, 4, 1, 1, Transcripts.T0);
    assertTrue(b.looksLikeTls());
    assertEquals(HandshakeType.UNKNOWN, HandshakeType.of(99));
  }

  @Test
  void longDownload_eventsCappedBytesCounted() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_SERVER_AUTH);
    TranscriptBuilder b = Transcripts.feed(rec);
    byte[] last = rec.chunks().get(rec.chunks().size() - 1).bytes(); // the server's application data record
    int before = b.build().events().size();
    for (int i = 0; i < 10_000; i++) {
      b.bytes(Side.SERVER, last, 0, last.length, 100 + i, Transcripts.T0);
    }
    b.close(Side.SERVER, true, 20_000, Transcripts.T0);
    HandshakeTranscript t = b.build();
    assertEquals(before + TranscriptBuilder.MAX_APPLICATION_DATA_EVENTS - 1 + 1, t.events().size());
    assertEquals(10_001, b.applicationDataRecords(Side.SERVER));
    assertEquals(10_001L * (last.length - 5), b.applicationDataBytes(Side.SERVER));
    assertEquals(10_001 - TranscriptBuilder.MAX_APPLICATION_DATA_EVENTS, b.droppedEvents());
    assertTrue(t.events().get(t.events().size() - 1) instanceof TranscriptEvent.Close);
  }
}
