package org.tlsprobe.tls.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.testing.EngineHandshake;
import org.tlsprobe.tls.transcript.Recordings.Kind;

/** STARTTLS preludes, captures that start mid-stream, and TCP holes. */
class PreludeAndGapTest {
  private static final byte[] CLIENT_SMTP = "EHLO client.example.com\r\nSTARTTLS\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SERVER_SMTP =
      "220 mx.example.com ESMTP\r\n250-mx.example.com\r\n250 STARTTLS\r\n220 2.0.0 Ready to start TLS\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void smtpStarttlsPrelude_skippedAndNotAViolation() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_MTLS);
    String expected = Transcripts.render(Transcripts.feed(rec).build());
    TranscriptBuilder b = new TranscriptBuilder();
    b.bytes(Side.SERVER, SERVER_SMTP, 0, 26, 1, Transcripts.T0);
    b.bytes(Side.CLIENT, CLIENT_SMTP, 0, CLIENT_SMTP.length, 2, Transcripts.T0);
    b.bytes(Side.SERVER, SERVER_SMTP, 26, SERVER_SMTP.length - 26, 3, Transcripts.T0);
    assertTrue(!b.looksLikeTls());
    int packet = 4;
    for (EngineHandshake.Chunk c : rec.chunks()) {
      // one byte at a time, so the search sees every partial header
      for (int i = 0; i < c.bytes().length; i++) {
        b.bytes(c.from(), c.bytes(), i, 1, packet, Transcripts.T0);
      }
      packet++;
    }
    HandshakeTranscript t = b.build();
    assertEquals(expected, Transcripts.render(t));
    assertTrue(t.clientCertificate().isPresent());
  }

  @Test
  void preludeInTheSameSegmentAsTheHello_skipped() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS13_SERVER_AUTH);
    byte[] hello = rec.chunks().get(0).bytes();
    byte[] both = new byte[CLIENT_SMTP.length + hello.length];
    System.arraycopy(CLIENT_SMTP, 0, both, 0, CLIENT_SMTP.length);
    System.arraycopy(hello, 0, both, CLIENT_SMTP.length, hello.length);
    TranscriptBuilder b = new TranscriptBuilder();
    b.bytes(Side.CLIENT, both, 0, both.length, 1, Transcripts.T0);
    assertEquals("C:ClientHello", Transcripts.render(b.build()));
  }

  @Test
  void captureStartsMidStream_recordsFoundFromTheFirstWholeOne() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_SERVER_AUTH);
    byte[] server = rec.stream(Side.SERVER);
    // from inside the server's first flight: the search finds NewSessionTicket's record chain
    TranscriptBuilder b = new TranscriptBuilder();
    int cut = 20;
    b.bytes(Side.SERVER, server, cut, server.length - cut, 1, Transcripts.T0);
    String s = Transcripts.render(b.build());
    assertTrue(s.endsWith("S:NewSessionTicket S:ChangeCipherSpec S:EncryptedHandshake S:AppData"), s);
    assertTrue(!s.contains("Violation"), s);
  }

  @Test
  void gapInsideApplicationData_staysInStep() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_SERVER_AUTH);
    byte[] server = rec.stream(Side.SERVER);
    // the server's last record is application data: drop 3 bytes of its body
    int last = server.length - lastRecordLength(server);
    TranscriptBuilder b = new TranscriptBuilder();
    b.bytes(Side.SERVER, server, 0, last + 8, 1, Transcripts.T0);
    b.gap(Side.SERVER, 3, 2, Transcripts.T0);
    b.bytes(Side.SERVER, server, last + 11, server.length - last - 11, 3, Transcripts.T0);
    b.bytes(Side.SERVER, server, last, server.length - last, 4, Transcripts.T0);
    String s = Transcripts.render(b.build());
    assertTrue(s.endsWith("S:EncryptedHandshake S:Gap(3) S:AppData S:AppData"), s);
  }

  @Test
  void gapInsideHandshake_resynchronizesAtTheNextRecord() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_SERVER_AUTH);
    byte[] server = rec.stream(Side.SERVER);
    TranscriptBuilder b = new TranscriptBuilder();
    // the JDK sends ServerHello..ServerHelloDone in one record: a hole in it loses the whole record
    b.bytes(Side.SERVER, server, 0, 100, 1, Transcripts.T0);
    b.gap(Side.SERVER, 50, 2, Transcripts.T0);
    b.bytes(Side.SERVER, server, 150, server.length - 150, 3, Transcripts.T0);
    String s = Transcripts.render(b.build());
    assertEquals("S:Gap(50) S:NewSessionTicket S:ChangeCipherSpec S:EncryptedHandshake S:AppData", s);
  }

  /** Walks the record headers of a whole stream and returns the length (with header) of the last one. */
  private static int lastRecordLength(byte[] stream) {
    int p = 0;
    int last = 0;
    while (p < stream.length) {
      last = 5 + (((stream[p + 3] & 0xff) << 8) | (stream[p + 4] & 0xff));
      p += last;
    }
    return last;
  }

  @Test
  void midStreamStartFedByteByByte_sameAsWhole() throws Exception {
    byte[] server = Recordings.get(Kind.TLS12_SERVER_AUTH).stream(Side.SERVER);
    TranscriptBuilder whole = new TranscriptBuilder();
    whole.bytes(Side.SERVER, server, 20, server.length - 20, 1, Transcripts.T0);
    TranscriptBuilder bytes = new TranscriptBuilder();
    for (int i = 20; i < server.length; i++) {
      bytes.bytes(Side.SERVER, server, i, 1, 1, Transcripts.T0);
    }
    assertEquals(Transcripts.render(whole.build()), Transcripts.render(bytes.build()));
  }

  @Test
  void textThatNeverTurnsTls_searchGivesUpAfterItsLimit() {
    byte[] line = "250-PIPELINING and some more text of an SMTP server\r\n".getBytes(StandardCharsets.US_ASCII);
    TranscriptBuilder b = new TranscriptBuilder();
    for (int sent = 0; sent < 100_000; sent += line.length) {
      b.bytes(Side.SERVER, line, 0, line.length, 1, Transcripts.T0);
    }
    // a ClientHello after the search gave up is not looked for any more
    byte[] hello = Recordings.getUnchecked(Kind.TLS12_SERVER_AUTH).chunks().get(0).bytes();
    b.bytes(Side.SERVER, hello, 0, hello.length, 2, Transcripts.T0);
    assertTrue(!b.looksLikeTls());
  }
}
