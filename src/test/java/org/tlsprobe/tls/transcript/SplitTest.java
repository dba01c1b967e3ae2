package org.tlsprobe.tls.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsprobe.tls.transcript.Recordings.Kind;

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
    assertEquals(a.serverCertificate().map(c -> c.certificates().size()), b.serverCertificate().map(c -> c.certificates().size()));
    assertEquals(a.clientCertificate().map(c -> c.certificates().size()), b.clientCertificate().map(c -> c.certificates().size()));
  }
}
