package org.tlsprobe.tls.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsprobe.tls.testing.EngineHandshake;
import org.tlsprobe.tls.transcript.Recordings.Kind;
import org.tlsprobe.tls.wire.CertificateMessage;

/** However TCP cut the bytes, the transcript is the same: same events, same packets. */
class SplitTest {

  @ParameterizedTest
  @EnumSource(Kind.class)
  void oneByteSegments_sameTranscript(Kind kind) throws Exception {
    var rec = Recordings.get(kind);
    String whole = Transcripts.withPackets(Transcripts.feed(rec).build());
    assertEquals(whole, Transcripts.withPackets(Transcripts.feedSplit(rec, 1, null).build()));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void randomSegments_sameTranscript(Kind kind) throws Exception {
    var rec = Recordings.get(kind);
    String whole = Transcripts.withPackets(Transcripts.feed(rec).build());
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      int max = 1 + random.nextInt(seed < 10 ? 16 : 3000);
      assertEquals(whole, Transcripts.withPackets(Transcripts.feedSplit(rec, max, random).build()), "seed " + seed);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sameMessages_whateverTheSplit_keptMessagesEqual(Kind kind) throws Exception {
    var rec = Recordings.get(kind);
    HandshakeTranscript a = Transcripts.feed(rec).build();
    HandshakeTranscript b = Transcripts.feedSplit(rec, 7, new Random(7)).build();
    assertEquals(a.clientHello(), b.clientHello());
    assertEquals(a.serverHello(), b.serverHello());
    assertEquals(ders(a.serverCertificate()), ders(b.serverCertificate()));
    assertEquals(ders(a.clientCertificate()), ders(b.clientCertificate()));
  }

  /**
   * Records that arrive whole are read where they lie, without a copy: nothing may keep pointing into the
   * caller's buffer. Each chunk is fed from one reused buffer that is scribbled over right after the call.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aReusedInputBuffer_changesNothing(Kind kind) throws Exception {
    var rec = Recordings.get(kind);
    HandshakeTranscript plain = Transcripts.feed(rec).build();
    TranscriptBuilder b = new TranscriptBuilder();
    byte[] buffer = new byte[1 << 16];
    int packet = 1;
    for (EngineHandshake.Chunk c : rec.chunks()) {
      if (buffer.length < c.bytes().length) {
        buffer = new byte[c.bytes().length];
      }
      System.arraycopy(c.bytes(), 0, buffer, 0, c.bytes().length);
      b.bytes(c.from(), buffer, 0, c.bytes().length, packet, Transcripts.T0.plusMillis(packet));
      Arrays.fill(buffer, (byte) 0x5a);
      packet++;
    }
    HandshakeTranscript reused = b.build();
    assertEquals(Transcripts.withPackets(plain), Transcripts.withPackets(reused));
    assertEquals(plain.clientHello(), reused.clientHello());
    assertEquals(plain.serverHello(), reused.serverHello());
    assertEquals(ders(plain.serverCertificate()), ders(reused.serverCertificate()));
    assertEquals(ders(plain.clientCertificate()), ders(reused.clientCertificate()));
  }

  /** The certificates' DER as hex, to compare by content. */
  private static List<String> ders(Optional<CertificateMessage> m) {
    return m.map(c -> c.certificates().stream().map(d -> HexFormat.of().formatHex(d)).toList()).orElse(List.of());
  }
}
