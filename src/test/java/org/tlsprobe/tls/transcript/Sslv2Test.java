package org.tlsprobe.tls.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tlsprobe.capture.CaptureFiles;
import org.tlsprobe.capture.packet.PacketDecoder;
import org.tlsprobe.capture.packet.TcpSegment;
import org.tlsprobe.capture.pcap.CaptureReader;
import org.tlsprobe.capture.pcap.Frame;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.wire.ByteReader;
import org.tlsprobe.tls.wire.ClientHello;
import org.tlsprobe.tls.wire.TlsParseException;

/** SSLv2 hellos from Zeek's ssl-v2.pcap (no SSLv2 peer is left to record one from). */
class Sslv2Test {

  /** The TCP payload of frame {@code number} of a public capture. */
  static byte[] payload(String file, long number) throws Exception {
    Path path = CaptureFiles.PUBLIC.resolve(file);
    Assumptions.assumeTrue(Files.exists(path), "no ../shared/captures-public");
    try (CaptureReader reader = CaptureReader.open(path)) {
      Frame frame = new Frame();
      TcpSegment segment = new TcpSegment();
      PacketDecoder decoder = new PacketDecoder();
      while (reader.next(frame)) {
        if (frame.number == number && decoder.decode(frame.linkType, frame.data, frame.offset, frame.capturedLength, segment)) {
          return Arrays.copyOfRange(segment.data, segment.payloadOffset, segment.payloadOffset + segment.payloadLength);
        }
      }
    }
    throw new AssertionError("no frame " + number);
  }

  @Test
  void sslv2ClientHello_specsAndEveryPrefixFails() throws Exception {
    byte[] record = payload("zeek/ssl-v2.pcap", 4);
    assertEquals(48, record.length);
    byte[] body = Arrays.copyOfRange(record, 3, record.length); // after the 2-byte header and message type 1
    ClientHello ch = ClientHello.parseSslv2(ByteReader.of(body, "SSLv2 ClientHello"));
    assertEquals(TlsVersion.SSLv2.code(), ch.legacyVersion());
    assertTrue(ch.sslv2Format());
    assertTrue(ch.cipherSuites().contains(0x010080), ch.cipherSuites().toString());
    for (int n = 0; n < body.length; n++) {
      ByteReader r = ByteReader.of(Arrays.copyOf(body, n), "SSLv2 ClientHello");
      org.junit.jupiter.api.Assertions.assertThrows(TlsParseException.class, () -> ClientHello.parseSslv2(r), "prefix " + n);
    }
  }

  @Test
  void sslv2ServerError_readAsFatalAlert() throws Exception {
    byte[] hello = payload("zeek/ssl-v2.pcap", 4);
    TranscriptBuilder b = new TranscriptBuilder();
    b.bytes(Side.CLIENT, hello, 0, hello.length, 4, Transcripts.T0);
    // an SSLv2 server without a common cipher answers NO-CIPHER-ERROR (SSL 2.0 spec: 2-byte header,
    // MSG-ERROR 0, error code 0x0001); written out because no SSLv2 server is left to record one from
    byte[] error = {(byte) 0x80, 0x03, 0x00, 0x00, 0x01};
    b.bytes(Side.SERVER, error, 0, error.length, 5, Transcripts.T0);
    assertEquals("C:SSL2ClientHello S:Alert(fatal,handshake_failure)", Transcripts.render(b.build()));
  }

  @Test
  void decryptedTls13Certificate_beforeAnyServerHello_stillRead() throws Exception {
    // the probe may hand in a decrypted message before the raw ServerHello bytes: the form is recognized
    byte[] der = OpensslCertificate.der();
    TranscriptBuilder b = new TranscriptBuilder();
    int entry = 3 + der.length + 2;
    byte[] body = new byte[4 + entry];
    body[1] = (byte) (entry >> 16);
    body[2] = (byte) (entry >> 8);
    body[3] = (byte) entry;
    body[4] = (byte) (der.length >> 16);
    body[5] = (byte) (der.length >> 8);
    body[6] = (byte) der.length;
    System.arraycopy(der, 0, body, 7, der.length);
    b.handshakeMessage(Side.SERVER, 11, body, 0, Transcripts.T0);
    assertEquals(1, b.build().serverCertificate().orElseThrow().certificates().size());
  }

  /** A real certificate, from the fragmented-handshake capture's first Certificate entry. */
  static final class OpensslCertificate {
    static byte[] der() throws Exception {
      return PublicCapturesMessagesTest.firstServerCertificate("zeek/tls-fragmented-handshake.pcap");
    }
  }
}
