package org.tlsprobe.tls.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tlsprobe.capture.CaptureFiles;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.tls.CipherSuites;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.TlsVersion;

/** The messages kept whole, from real third-party captures read through the capture reader. */
class PublicCapturesMessagesTest {

  private static HandshakeTranscript flow(String file, String client) throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(CaptureFiles.PUBLIC), "no ../shared/captures-public");
    Map<String, HandshakeObservation> flows = PublicCapturesTranscriptTest.analyze(file);
    return flows.values().stream().filter(o -> o.client().equals(client)).findFirst().orElseThrow().transcript();
  }

  static byte[] firstServerCertificate(String file) throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(CaptureFiles.PUBLIC), "no ../shared/captures-public");
    return PublicCapturesTranscriptTest.analyze(file).values().stream()
        .map(o -> o.transcript().serverCertificate()).filter(Optional::isPresent).findFirst().orElseThrow()
        .get().certificates().get(0);
  }

  private static X509Certificate x509(byte[] der) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  @Test
  void certificateOver21Records_parsedWhole() throws Exception {
    HandshakeTranscript t = flow("zeek/tls-fragmented-handshake.pcap", "192.168.6.86:61454");
    var chain = t.serverCertificate().orElseThrow().certificates();
    int total = chain.stream().mapToInt(c -> c.length + 3).sum() + 3;
    assertEquals(339_629, total, "the Certificate message body");
    for (byte[] der : chain) {
      x509(der); // every entry is a whole certificate
    }
  }

  @Test
  void pureSslv2_helloVersionAndSsl2Events() throws Exception {
    HandshakeTranscript t = flow("zeek/ssl-v2.pcap", "192.168.4.149:59062");
    assertEquals(TlsVersion.SSLv2, t.serverHello().orElseThrow().version());
    assertTrue(t.clientHello().orElseThrow().sslv2Format());
    assertEquals(HandshakeType.SSL2_CLIENT_HELLO, ((TranscriptEvent.Handshake) t.events().get(0)).type());
    assertTrue(Transcripts.render(t).startsWith("C:SSL2ClientHello S:SSL2ServerHello C:SSL2ClientMasterKey S:SSL2Encrypted"),
        Transcripts.render(t));
    assertTrue(CipherSuites.name(t.clientHello().get().cipherSuites().get(0)).startsWith("SSL_CK_"));
  }

  @Test
  void sslv2FormatHelloOfferingTls10_isAClientHello() throws Exception {
    HandshakeTranscript t = flow("zeek/ssl.v3.pcap", "192.150.187.164:58868");
    var ch = t.clientHello().orElseThrow();
    assertTrue(ch.sslv2Format());
    assertEquals(0x0301, ch.legacyVersion());
    assertTrue(ch.cipherSuites().contains(0x000004), ch.cipherSuites().toString()); // TLS_RSA_WITH_RC4_128_MD5 as 00 00 04
    assertEquals(TlsVersion.TLSv1_0, t.serverHello().orElseThrow().version());
    assertEquals(0x0004, t.serverHello().get().cipherSuite());
  }

  @Test
  void smtpStarttls_preludeSkippedChainRead() throws Exception {
    HandshakeTranscript t = flow("zeek/smtp-starttls.pcap", "192.168.4.149:54170");
    assertFalse(t.events().stream().anyMatch(e -> e instanceof TranscriptEvent.ProtocolViolation));
    assertTrue(x509(t.serverCertificate().orElseThrow().certificates().get(0)).getSubjectX500Principal().getName()
        .contains("mx.google.com"));
  }

  @Test
  void xmppServerToServerMtls_requestAndClientChainRead() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(CaptureFiles.PUBLIC));
    HandshakeTranscript t = PublicCapturesTranscriptTest.analyze("zeek/xmpp-dialback-starttls.pcap").values().stream()
        .map(HandshakeObservation::transcript).filter(x -> x.certificateRequest().isPresent()).findFirst().orElseThrow();
    assertFalse(t.clientCertificate().orElseThrow().isEmpty());
    assertTrue(t.certificateRequest().get().certificateTypes().size() > 0);
    assertFalse(t.events().stream().anyMatch(e -> e instanceof TranscriptEvent.ProtocolViolation));
  }

  @Test
  void helloRetryRequest_recordedThenReplacedByTheServerHello() throws Exception {
    HandshakeTranscript t = flow("zeek/hrr.pcap", "10.192.48.168:63564");
    assertTrue(Transcripts.render(t).startsWith(
        "C:ClientHello S:HelloRetryRequest S:ChangeCipherSpec C:ChangeCipherSpec C:ClientHello S:ServerHello S:AppData"),
        Transcripts.render(t));
    assertFalse(t.serverHello().orElseThrow().helloRetryRequest());
    assertEquals(TlsVersion.TLSv1_3, t.serverHello().get().version());
  }

  @Test
  void emptyClientCertificate_keptAsEmpty() throws Exception {
    HandshakeTranscript t = flow("zeek/certificate-request-failed.pcap", "[fd42:496a:d659:bb85::1]:52464");
    assertTrue(t.clientCertificate().orElseThrow().isEmpty());
    assertTrue(t.certificateRequest().isPresent());
  }

  @Test
  void tls13Draft16_versionAndPlaintextClientAlert() throws Exception {
    HandshakeTranscript t = flow("zeek/tls13draft16-ff52.a01.pcap", "192.150.187.20:36778");
    assertEquals(TlsVersion.TLSv1_3, t.serverHello().orElseThrow().version());
    assertEquals(Optional.empty(), t.serverHello().get().selectedVersion());
    assertTrue(Transcripts.render(t).contains("C:Alert(fatal,unknown_ca)"), Transcripts.render(t));
  }
}
