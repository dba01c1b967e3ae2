package org.tlsprobe.tls.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.testing.EngineHandshake;
import org.tlsprobe.tls.testing.EngineHandshake.ClientAuth;
import org.tlsprobe.tls.testing.TestPki;

/** The message parsers on messages recorded from real JDK peers; every strict prefix is a parse error. */
class ParsersTest {
  private static EngineHandshake.Recording tls12Mtls;
  private static EngineHandshake.Recording tls13;

  @org.junit.jupiter.api.BeforeAll
  static void record() throws Exception {
    {
      TestPki pki = TestPki.ec("Parsers Root");
      TestPki.Identity server = pki.leaf("server.example.net");
      TestPki.Identity client = pki.leaf("client.example.net");
      tls12Mtls = EngineHandshake.run(new EngineHandshake.Setup("TLSv1.2", ClientAuth.NEED, server, client, pki, pki,
          "server.example.net", List.of("sip/2.0"), false));
      tls13 = EngineHandshake.run(new EngineHandshake.Setup("TLSv1.3", ClientAuth.NONE, server, null, pki, pki,
          "server.example.net", List.of(), false));
    }
  }

  private static byte[] message(EngineHandshake.Recording rec, Side side, int type) throws Exception {
    return Messages.body(rec.stream(side), type);
  }

  /** Every strict prefix fails with TlsParseException, except cuts that leave another valid message. */
  private static void everyPrefixFails(byte[] body, Function<ByteReader, ?> parser, int... validCuts) {
    for (int n = 0; n < body.length; n++) {
      final int cut = n;
      if (Arrays.stream(validCuts).anyMatch(c -> c == cut)) {
        continue;
      }
      ByteReader r = ByteReader.of(Arrays.copyOf(body, n), "prefix");
      assertThrows(TlsParseException.class, () -> parser.apply(r), "prefix of " + n + " bytes");
    }
  }

  /** Offset of the extensions block of a hello: where a hello without extensions would end. */
  private static int helloExtensionsOffset(byte[] body, boolean client) {
    int p = 2 + 32;
    p += 1 + (body[p] & 0xff); // session id
    if (client) {
      p += 2 + (((body[p] & 0xff) << 8) | (body[p + 1] & 0xff)); // suites
      p += 1 + (body[p] & 0xff); // compression methods
    } else {
      p += 2 + 1;
    }
    return p;
  }

  @Test
  void clientHello_realJdkHello() throws Exception {
    byte[] body = message(tls12Mtls, Side.CLIENT, 1);
    ClientHello ch = ClientHello.parse(ByteReader.of(body, "ClientHello"));
    assertEquals(Optional.of("server.example.net"), ch.serverName());
    assertEquals(List.of("sip/2.0"), ch.alpn());
    assertEquals(List.of(0x0303), ch.supportedVersions());
    assertTrue(ch.cipherSuites().contains(0xc02b), ch.cipherSuites().toString());
  }

  @Test
  void clientHello_everyPrefixFails() throws Exception {
    byte[] body = message(tls13, Side.CLIENT, 1);
    // a hello cut right before its extensions is a valid extension-less (SSLv3-style) hello
    everyPrefixFails(body, ClientHello::parse, helloExtensionsOffset(body, true));
  }

  @Test
  void serverHello_realAndEveryPrefixFails() throws Exception {
    byte[] body = message(tls13, Side.SERVER, 2);
    ServerHello sh = ServerHello.parse(ByteReader.of(body, "ServerHello"));
    assertEquals(TlsVersion.TLSv1_3, sh.version());
    assertEquals(0x0303, sh.legacyVersion());
    everyPrefixFails(body, ServerHello::parse, helloExtensionsOffset(body, false));
    byte[] tls12 = message(tls12Mtls, Side.SERVER, 2);
    assertEquals(TlsVersion.TLSv1_2, ServerHello.parse(ByteReader.of(tls12, "ServerHello")).version());
    everyPrefixFails(tls12, ServerHello::parse, helloExtensionsOffset(tls12, false));
  }

  @Test
  void certificate_tls12ChainAndEveryPrefixFails() throws Exception {
    byte[] body = message(tls12Mtls, Side.SERVER, 11);
    CertificateMessage cm = CertificateMessage.parse(ByteReader.of(body, "Certificate"));
    assertEquals(2, cm.certificates().size());
    everyPrefixFails(body, CertificateMessage::parse);
    byte[] client = message(tls12Mtls, Side.CLIENT, 11);
    assertEquals(2, CertificateMessage.parse(ByteReader.of(client, "Certificate")).certificates().size());
  }

  @Test
  void certificateRequest_tls12AndEveryPrefixFails() throws Exception {
    byte[] body = message(tls12Mtls, Side.SERVER, 13);
    CertificateRequest cr = CertificateRequest.parse(ByteReader.of(body, "CertificateRequest"), TlsVersion.TLSv1_2);
    assertEquals(1, cr.certificateAuthorities().size());
    assertTrue(cr.signatureAlgorithms().contains(0x0403), cr.signatureAlgorithms().toString()); // ecdsa_secp256r1_sha256
    assertEquals(cr.certificateAuthorities().get(0).length + 2, cr.certificateAuthoritiesSize());
    everyPrefixFails(body, r -> CertificateRequest.parse(r, TlsVersion.TLSv1_2));
    // without the version, the TLS 1.2 layout is recognized
    CertificateRequest guessed = CertificateRequest.parse(ByteReader.of(body, "CertificateRequest"));
    assertEquals(cr.signatureAlgorithms(), guessed.signatureAlgorithms());
  }

  @Test
  void parseErrors_nameStructureFieldAndOffset() throws Exception {
    byte[] body = message(tls12Mtls, Side.SERVER, 11);
    TlsParseException e = assertThrows(TlsParseException.class,
        () -> CertificateMessage.parse(ByteReader.of(Arrays.copyOf(body, 10), "Certificate")));
    assertEquals("Certificate", e.structure());
    assertEquals("certificate_list", e.field());
    assertEquals(3, e.offset());
    assertTrue(e.getMessage().contains("exceeds the 7 bytes left"), e.getMessage());
  }

  @Test
  void alert_parsesAnyCode() {
    Alert a = Alert.parse(ByteReader.of(new byte[] {2, (byte) 200}, "Alert"));
    assertEquals(new Alert(2, 200), a);
    assertEquals("unknown_alert_200", a.descriptionName());
    assertThrows(TlsParseException.class, () -> Alert.parse(ByteReader.of(new byte[] {2}, "Alert")));
  }
}
