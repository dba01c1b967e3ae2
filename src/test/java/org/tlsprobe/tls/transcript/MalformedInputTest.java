package org.tlsprobe.tls.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.testing.EngineHandshake;
import org.tlsprobe.tls.transcript.Recordings.Kind;

/** Bad bytes are data: a violation event on that direction, never an exception. */
class MalformedInputTest {

  private static List<String> violations(HandshakeTranscript t) {
    return t.events().stream().filter(e -> e instanceof TranscriptEvent.ProtocolViolation)
        .map(e -> e.from() + " " + ((TranscriptEvent.ProtocolViolation) e).message()).collect(Collectors.toList());
  }

  private static void feed(TranscriptBuilder b, Side side, byte[] bytes, long packet) {
    b.bytes(side, bytes, 0, bytes.length, packet, Transcripts.T0);
  }

  @Test
  void serverAnswersClientHelloWithGarbage_violationWhereTheGarbageCame() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_SERVER_AUTH);
    TranscriptBuilder b = new TranscriptBuilder();
    feed(b, Side.CLIENT, rec.chunks().get(0).bytes(), 1);
    feed(b, Side.SERVER, new byte[] {0, 0, 0, 0, 2, 0, 0x28}, 2); // zeek tls-1.2-protocol-error.pcap's reply
    b.close(Side.SERVER, false, 3, Transcripts.T0);
    HandshakeTranscript t = b.build();
    assertEquals("C:ClientHello S:Violation S:FIN", Transcripts.render(t));
    assertEquals(2, t.events().get(1).packet());
    assertEquals(List.of("SERVER server answered TLS with 7 bytes that are not TLS: 00 00 00 00 02 00 28"), violations(t));
    assertTrue(t.serverHello().isEmpty());
  }

  @Test
  void httpServerOnTlsPort_textAnswerNamed() throws Exception {
    TranscriptBuilder b = new TranscriptBuilder();
    feed(b, Side.CLIENT, Recordings.get(Kind.TLS12_SERVER_AUTH).chunks().get(0).bytes(), 1);
    feed(b, Side.SERVER, "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 2);
    assertEquals(List.of("SERVER server answered TLS with 28 bytes that are not TLS: \"HTTP/1.1 400 Bad\"..."),
        violations(b.build()));
  }

  @Test
  void neitherSideTls_notTlsAndNoViolation() {
    TranscriptBuilder b = new TranscriptBuilder();
    feed(b, Side.CLIENT, "OPTIONS sip:a@b SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 1);
    feed(b, Side.SERVER, "SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 2);
    assertFalse(b.looksLikeTls());
    assertEquals(List.of(), b.build().events());
  }

  @Test
  void garbageHeaderAfterHandshake_violationAndDirectionStops() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_SERVER_AUTH);
    TranscriptBuilder b = Transcripts.feed(rec);
    int before = b.build().events().size();
    feed(b, Side.SERVER, new byte[] {0x63, 0x03, 0x03, 0x00, 0x10, 1, 2, 3}, 50);
    feed(b, Side.SERVER, rec.chunks().get(rec.chunks().size() - 1).bytes(), 51); // valid again: not read
    HandshakeTranscript t = b.build();
    assertEquals(before + 1, t.events().size());
    assertEquals(List.of("SERVER record header at stream offset " + rec.stream(Side.SERVER).length
        + " (63 03 03 00 10): content type 99 is not 20-24; the rest of this direction is not read"), violations(t));
  }

  @Test
  void hugeRecordLength_violation() throws Exception {
    TranscriptBuilder b = Transcripts.feed(Recordings.get(Kind.TLS12_SERVER_AUTH));
    feed(b, Side.CLIENT, new byte[] {0x17, 0x03, 0x03, (byte) 0xff, (byte) 0xff}, 60);
    List<String> v = violations(b.build());
    assertEquals(1, v.size());
    assertTrue(v.get(0).contains("length 65535 exceeds 18432"), v.get(0));
  }

  @Test
  void hugeHandshakeLength_violationNotMemory() throws Exception {
    // a plaintext handshake record announcing a 16 MB message: the assembler waits for bytes, it
    // does not allocate 16 MB up front, and the connection ending leaves no violation
    TranscriptBuilder b = new TranscriptBuilder();
    byte[] record = {0x16, 0x03, 0x03, 0x00, 0x08, 0x0b, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0};
    feed(b, Side.SERVER, record, 1);
    assertTrue(b.looksLikeTls());
    assertEquals(List.of(), violations(b.build()));
  }

  @Test
  void flippedBytes_neverThrow() throws Exception {
    for (Kind kind : Kind.values()) {
      EngineHandshake.Recording rec = Recordings.get(kind);
      Random random = new Random(kind.ordinal());
      for (int round = 0; round < 300; round++) {
        TranscriptBuilder b = new TranscriptBuilder();
        int packet = 1;
        for (EngineHandshake.Chunk c : rec.chunks()) {
          byte[] bytes = c.bytes().clone();
          for (int i = 0; i < 1 + random.nextInt(4); i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
          }
          b.bytes(c.from(), bytes, 0, bytes.length, packet++, Transcripts.T0);
          if (random.nextInt(10) == 0) {
            b.gap(c.from(), random.nextInt(100), packet, Transcripts.T0);
          }
        }
        b.build();
      }
    }
  }

  @Test
  void everyTruncation_neverThrows() throws Exception {
    for (Kind kind : List.of(Kind.TLS12_MTLS, Kind.TLS13_SERVER_AUTH)) {
      EngineHandshake.Recording rec = Recordings.get(kind);
      for (Side side : Side.values()) {
        byte[] stream = rec.stream(side);
        for (int n = 0; n < stream.length; n++) {
          TranscriptBuilder b = new TranscriptBuilder();
          b.bytes(side, stream, 0, n, 1, Transcripts.T0);
          b.close(side, true, 2, Transcripts.T0);
          b.build();
        }
      }
    }
  }

  @Test
  void randomBytes_neverThrowAndRarelyLookLikeTls() {
    Random random = new Random(42);
    int tls = 0;
    for (int round = 0; round < 2000; round++) {
      byte[] junk = new byte[1 + random.nextInt(3000)];
      random.nextBytes(junk);
      TranscriptBuilder b = new TranscriptBuilder();
      feed(b, Side.CLIENT, junk, 1);
      b.build();
      tls += b.looksLikeTls() ? 1 : 0;
    }
    assertTrue(tls < 40, tls + " of 2000 random streams looked like TLS");
  }
}
