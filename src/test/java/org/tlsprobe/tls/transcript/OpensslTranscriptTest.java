package org.tlsprobe.tls.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.testing.OpensslHandshake;
import org.tlsprobe.tls.testing.TestPki;
import org.tlsprobe.tls.wire.ByteReader;
import org.tlsprobe.tls.wire.CertificateMessage;
import org.tlsprobe.tls.wire.CertificateRequest;
import org.tlsprobe.tls.wire.TlsParseException;

/**
 * Handshakes between openssl s_client and s_server on loopback, recorded by a relay: the versions the
 * JDK no longer speaks (TLS 1.0, 1.1), a HelloRetryRequest, and TLS 1.3 client authentication, whose
 * encrypted CertificateRequest and Certificate come back decrypted from {@code s_client -msg}, as the
 * probe hands them in.
 */
class OpensslTranscriptTest {
  @TempDir
  static Path dir;
  private static TestPki pki;
  private static final String CA_DN = "CN=Openssl Test Root";

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.rsa("Openssl Test Root");
    OpensslHandshake.writePem(pki.leaf("server.example.org"), dir, "server");
    OpensslHandshake.writePem(pki.leaf("client.example.org"), dir, "client");
    OpensslHandshake.writePem(pki.ca(), dir.resolve("ca.pem"));
  }

  private static List<String> serverArgs(String... more) {
    List<String> a = new ArrayList<>(List.of("-cert", dir.resolve("server-cert.pem").toString(),
        "-key", dir.resolve("server-key.pem").toString(), "-CAfile", dir.resolve("ca.pem").toString()));
    a.addAll(Arrays.asList(more));
    return a;
  }

  private static List<String> clientArgs(String... more) {
    List<String> a = new ArrayList<>(List.of("-cert", dir.resolve("client-cert.pem").toString(),
        "-key", dir.resolve("client-key.pem").toString(), "-CAfile", dir.resolve("ca.pem").toString(),
        "-servername", "server.example.org"));
    a.addAll(Arrays.asList(more));
    return a;
  }

  static TranscriptBuilder feed(OpensslHandshake.Run run) {
    TranscriptBuilder b = new TranscriptBuilder();
    int packet = 1;
    for (OpensslHandshake.Chunk c : run.chunks()) {
      if (c.bytes().length == 0) {
        b.close(c.from(), false, packet, Transcripts.T0);
      } else {
        b.bytes(c.from(), c.bytes(), 0, c.bytes().length, packet, Transcripts.T0);
      }
      packet++;
    }
    return b;
  }

  private static byte[] body(OpensslHandshake.MsgLine m) {
    return Arrays.copyOfRange(m.bytes(), 4, m.bytes().length);
  }

  private static void legacyMtls(String versionFlag, TlsVersion version) throws Exception {
    String[] legacy = {versionFlag, "-cipher", "DEFAULT:@SECLEVEL=0"};
    OpensslHandshake.Run run = OpensslHandshake.run(dir, serverArgs(cat(legacy, "-verify", "1")), clientArgs(legacy));
    HandshakeTranscript t = feed(run).build();
    String s = Transcripts.render(t);
    assertTrue(s.startsWith("C:ClientHello S:ServerHello S:Certificate S:ServerKeyExchange S:CertificateRequest"
        + " S:ServerHelloDone C:Certificate C:ClientKeyExchange C:CertificateVerify C:ChangeCipherSpec C:EncryptedHandshake"), s);
    assertEquals(version, t.serverHello().orElseThrow().version());
    CertificateRequest cr = t.certificateRequest().orElseThrow();
    assertEquals(List.of(), cr.signatureAlgorithms(), "no signature algorithms before TLS 1.2");
    assertEquals(List.of(new X500Principal(CA_DN)), cr.certificateAuthorities().stream().map(X500Principal::new).toList());
    assertFalse(t.clientCertificate().orElseThrow().isEmpty());
    // the same request read by the wire parser; every strict prefix fails
    byte[] body = body(run.received("CertificateRequest").get(0));
    assertEquals(cr.certificateTypes(), CertificateRequest.parse(ByteReader.of(body, "CR"), version).certificateTypes());
    for (int n = 0; n < body.length; n++) {
      ByteReader r = ByteReader.of(Arrays.copyOf(body, n), "CR");
      assertThrows(TlsParseException.class, () -> CertificateRequest.parse(r, version), "prefix " + n);
    }
  }

  private static String[] cat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void tls10ClientAuth_requestWithoutSignatureAlgorithms() throws Exception {
    legacyMtls("-tls1", TlsVersion.TLSv1_0);
  }

  @Test
  void tls11ClientAuth_requestWithoutSignatureAlgorithms() throws Exception {
    legacyMtls("-tls1_1", TlsVersion.TLSv1_1);
  }

  @Test
  void helloRetryRequest_thenRealServerHello() throws Exception {
    OpensslHandshake.Run run = OpensslHandshake.run(dir, serverArgs("-tls1_3", "-groups", "P-256"),
        List.of("-groups", "X25519:P-256", "-CAfile", dir.resolve("ca.pem").toString()));
    HandshakeTranscript t = feed(run).build();
    String s = Transcripts.render(t);
    assertTrue(s.startsWith("C:ClientHello S:HelloRetryRequest S:ChangeCipherSpec C:ChangeCipherSpec C:ClientHello"
        + " S:ServerHello S:AppData"), s);
    assertFalse(t.serverHello().orElseThrow().helloRetryRequest());
    assertEquals(TlsVersion.TLSv1_3, t.serverHello().get().version());
  }

  @Test
  void tls13ClientAuth_decryptedRequestAndCertificateFromTheProbePath() throws Exception {
    OpensslHandshake.Run run = OpensslHandshake.run(dir, serverArgs("-tls1_3", "-Verify", "1"), clientArgs());
    TranscriptBuilder b = feed(run);
    HandshakeTranscript wireOnly = b.build();
    assertTrue(wireOnly.certificateRequest().isEmpty(), "encrypted on the wire");
    for (String name : List.of("EncryptedExtensions", "CertificateRequest", "Certificate", "CertificateVerify", "Finished")) {
      OpensslHandshake.MsgLine m = run.received(name).get(0);
      b.handshakeMessage(Side.SERVER, m.bytes()[0] & 0xff, body(m), 0, Transcripts.T0);
    }
    HandshakeTranscript t = b.build();
    CertificateRequest cr = t.certificateRequest().orElseThrow();
    assertEquals(List.of(new X500Principal(CA_DN)), cr.certificateAuthorities().stream().map(X500Principal::new).toList());
    assertTrue(cr.signatureAlgorithms().contains(0x0804), cr.signatureAlgorithms().toString()); // rsa_pss_rsae_sha256
    assertEquals(List.of(), cr.certificateTypes());
    assertEquals("CN=server.example.org",
        new X500Principal(subject(t.serverCertificate().orElseThrow().certificates().get(0))).getName());
    assertTrue(Transcripts.render(t).endsWith(
        "S:EncryptedExtensions S:CertificateRequest S:Certificate S:CertificateVerify S:Finished"), Transcripts.render(t));

    byte[] request = body(run.received("CertificateRequest").get(0));
    byte[] certificate = body(run.received("Certificate").get(0));
    for (int n = 0; n < request.length; n++) {
      ByteReader r = ByteReader.of(Arrays.copyOf(request, n), "CR");
      assertThrows(TlsParseException.class, () -> CertificateRequest.parseTls13(r), "prefix " + n);
    }
    for (int n = 0; n < certificate.length; n++) {
      ByteReader r = ByteReader.of(Arrays.copyOf(certificate, n), "Certificate");
      assertThrows(TlsParseException.class, () -> CertificateMessage.parseTls13(r), "prefix " + n);
    }
  }

  private static byte[] subject(byte[] der) throws Exception {
    return ((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(new java.io.ByteArrayInputStream(der))).getSubjectX500Principal().getEncoded();
  }
}
