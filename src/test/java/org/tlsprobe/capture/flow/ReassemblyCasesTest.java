package org.tlsprobe.capture.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.capture.CaptureAnalyzer;
import org.tlsprobe.capture.CaptureFiles;
import org.tlsprobe.capture.pcap.RecordedFrame;
import org.tlsprobe.capture.pcap.TestCaptureWriter;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.tls.transcript.TranscriptEvent;

/**
 * A real MTLS handshake (zeek/client-certificate.pcap: TLS 1.2, server flight over four segments,
 * client certificate over several) rewritten the ways networks and capture points mangle TCP:
 * reordered, duplicated, overlapping, cut into tiny segments, sequence numbers wrapping past 2^32,
 * a segment missing. The transcript must come out as from the original, or report the hole.
 */
class ReassemblyCasesTest {
  static final Path SOURCE = CaptureFiles.publicFile("zeek/client-certificate.pcap");
  static final int SERVER_PORT = 443;

  @TempDir
  static Path dir;
  static List<RecordedFrame> original;
  static HandshakeObservation baseline;
  static List<String> baselineEvents;

  @BeforeAll
  static void readOriginal() throws Exception {
    original = RecordedFrame.readAll(SOURCE);
    baseline = single(original);
    baselineEvents = events(baseline);
  }

  @Test
  void original_showsTheWholeMutualTlsHandshake() {
    // as in ground-truth.tsv
    assertEquals("192.168.0.64:49480", baseline.client());
    assertEquals("54.36.191.227:443", baseline.server());
    for (String expected : List.of("Handshake CLIENT CLIENT_HELLO", "Handshake SERVER SERVER_HELLO", "Handshake SERVER CERTIFICATE",
        "Handshake SERVER CERTIFICATE_REQUEST", "Handshake SERVER SERVER_HELLO_DONE", "Handshake CLIENT CERTIFICATE",
        "Handshake CLIENT CERTIFICATE_VERIFY")) {
      assertTrue(baselineEvents.contains(expected), expected + " in " + baselineEvents);
    }
    assertFalse(baseline.transcript().serverCertificate().orElseThrow().certificates().isEmpty());
    assertFalse(baseline.transcript().clientCertificate().orElseThrow().certificates().isEmpty());
    assertTrue(baselineEvents.stream().noneMatch(e -> e.startsWith("Gap") || e.startsWith("ProtocolViolation")), baselineEvents.toString());
  }

  @Test
  void eachDirectionsSegmentsReversed_sameTranscript() throws Exception {
    List<RecordedFrame> frames = new ArrayList<>(original);
    reverseDataRun(frames, SERVER_PORT);
    reverseDataRun(frames, clientPort());
    assertSameAsBaseline(single(SegmentEditor.renumber(frames)));
  }

  @Test
  void everyDataSegmentTwice_sameTranscript() throws Exception {
    List<RecordedFrame> frames = new ArrayList<>();
    for (RecordedFrame f : original) {
      frames.add(f);
      if (SegmentEditor.payloadLength(f) > 0) {
        frames.add(f);
      }
    }
    assertSameAsBaseline(single(SegmentEditor.renumber(frames)));
  }

  @Test
  void overlappingPieces_sameTranscript() throws Exception {
    List<RecordedFrame> frames = new ArrayList<>();
    for (RecordedFrame f : original) {
      int n = SegmentEditor.payloadLength(f);
      if (n < 3) {
        frames.add(f);
        continue;
      }
      // first two thirds, then the last two thirds (the middle third twice), then a short resend of the start
      frames.add(SegmentEditor.slice(f, 0, 2 * n / 3));
      frames.add(SegmentEditor.slice(f, n / 3, n));
      frames.add(SegmentEditor.slice(f, 0, n / 2));
    }
    assertSameAsBaseline(single(SegmentEditor.renumber(frames)));
  }

  @Test
  void tinySegments_sameTranscript() throws Exception {
    List<RecordedFrame> frames = new ArrayList<>();
    for (RecordedFrame f : original) {
      int n = SegmentEditor.payloadLength(f);
      if (n == 0) {
        frames.add(f);
        continue;
      }
      int step = 1;
      for (int from = 0; from < n; from += step, step = step % 7 + 1) {
        frames.add(SegmentEditor.slice(f, from, Math.min(n, from + step)));
      }
    }
    assertSameAsBaseline(single(SegmentEditor.renumber(frames)));
  }

  @Test
  void sequenceNumbersWrappingPast2pow32_sameTranscript() throws Exception {
    // Client stream wraps inside its ClientHello, server stream inside its certificate.
    int clientIsn = SegmentEditor.tcp(original.get(0)).seq;
    int serverIsn = SegmentEditor.tcp(original.get(1)).seq;
    List<RecordedFrame> frames = SegmentEditor.shiftSequence(original, clientPort(), -100 - clientIsn);
    frames = SegmentEditor.shiftSequence(frames, SERVER_PORT, -2000 - serverIsn);
    assertEquals(-100, SegmentEditor.tcp(frames.get(0)).seq);
    assertSameAsBaseline(single(frames));
  }

  @Test
  void serverSegmentMissing_reportsAGapOfExactlyItsBytes() throws Exception {
    List<RecordedFrame> frames = new ArrayList<>(original);
    RecordedFrame dropped = dataFrames(frames, SERVER_PORT).get(1);
    int missing = SegmentEditor.payloadLength(dropped);
    frames.remove(dropped);
    HandshakeObservation o = single(SegmentEditor.renumber(frames));
    List<TranscriptEvent.Gap> gaps = o.transcript().events().stream().filter(e -> e instanceof TranscriptEvent.Gap)
        .map(e -> (TranscriptEvent.Gap) e).collect(Collectors.toList());
    assertEquals(1, gaps.size(), events(o).toString());
    assertEquals(org.tlsprobe.tls.Side.SERVER, gaps.get(0).from());
    assertEquals(missing, gaps.get(0).bytes());
    List<String> ev = events(o);
    assertTrue(ev.contains("Handshake CLIENT CLIENT_HELLO"), ev.toString());
    assertTrue(ev.indexOf("Handshake SERVER SERVER_HELLO") < ev.indexOf("Gap SERVER " + missing), ev.toString());
  }

  @Test
  void handshakeCapturedWithoutSyn_sameClientAndTranscript() throws Exception {
    List<RecordedFrame> frames = new ArrayList<>(original.subList(3, original.size()));
    HandshakeObservation o = single(SegmentEditor.renumber(frames));
    assertEquals(baseline.client(), o.client());
    assertEquals(baseline.server(), o.server());
    assertEquals(baselineEvents, events(o));
  }

  @Test
  void sameFourTupleConnectedTwice_twoFlows() throws Exception {
    List<RecordedFrame> frames = new ArrayList<>(original);
    long shift = original.get(original.size() - 1).timeNanos() - original.get(0).timeNanos() + 1_000_000_000L;
    List<RecordedFrame> again = SegmentEditor.shiftSequence(original, clientPort(), 12345);
    for (RecordedFrame f : again) {
      frames.add(f.withTime(f.timeNanos() + shift));
    }
    List<HandshakeObservation> flows = analyze(SegmentEditor.renumber(frames));
    assertEquals(2, flows.size());
    assertEquals(baselineEvents, events(flows.get(0)));
    assertEquals(baselineEvents, events(flows.get(1)));
    assertTrue(flows.get(0).start().isBefore(flows.get(1).start()));
  }

  // ------------------------------------------------------------------ helpers

  static int clientPort() {
    return SegmentEditor.srcPort(original.get(0));
  }

  static List<RecordedFrame> dataFrames(List<RecordedFrame> frames, int port) {
    return frames.stream().filter(f -> SegmentEditor.srcPort(f) == port && SegmentEditor.payloadLength(f) > 0).collect(Collectors.toList());
  }

  /** Reverses the first run of data segments from {@code port} that no data of the peer interrupts. */
  static void reverseDataRun(List<RecordedFrame> frames, int port) {
    List<Integer> run = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      RecordedFrame f = frames.get(i);
      if (SegmentEditor.payloadLength(f) == 0) {
        continue;
      }
      if (SegmentEditor.srcPort(f) == port) {
        run.add(i);
      } else if (run.size() > 1) {
        break;
      } else {
        run.clear();
      }
    }
    assertTrue(run.size() > 1, "a run of several segments from port " + port);
    List<RecordedFrame> picked = run.stream().map(frames::get).collect(Collectors.toList());
    Collections.reverse(picked);
    for (int k = 0; k < run.size(); k++) {
      frames.set(run.get(k), picked.get(k));
    }
  }

  void assertSameAsBaseline(HandshakeObservation o) {
    assertEquals(baseline.client(), o.client());
    assertEquals(baseline.server(), o.server());
    assertEquals(baselineEvents, events(o));
    assertEquals(baseline.transcript().serverCertificate().orElseThrow().certificates().size(),
        o.transcript().serverCertificate().orElseThrow().certificates().size());
    for (int i = 0; i < baseline.transcript().serverCertificate().get().certificates().size(); i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(baseline.transcript().serverCertificate().get().certificates().get(i),
          o.transcript().serverCertificate().get().certificates().get(i));
    }
  }

  static HandshakeObservation single(List<RecordedFrame> frames) throws Exception {
    List<HandshakeObservation> flows = analyze(frames);
    assertEquals(1, flows.size());
    return flows.get(0);
  }

  static List<HandshakeObservation> analyze(List<RecordedFrame> frames) throws Exception {
    Path file = dir.resolve("case-" + System.nanoTime() + ".pcap");
    TestCaptureWriter.write(file, TestCaptureWriter.pcap(frames, ByteOrder.LITTLE_ENDIAN, false));
    List<HandshakeObservation> flows = new ArrayList<>();
    new CaptureAnalyzer().analyze(file, flows::add);
    return flows;
  }

  /** Events without packet numbers and times, which rewriting changes. */
  static List<String> events(HandshakeObservation o) {
    List<String> out = new ArrayList<>();
    for (TranscriptEvent e : o.transcript().events()) {
      String s = e.getClass().getSimpleName() + " " + e.from();
      if (e instanceof TranscriptEvent.Handshake) {
        s += " " + ((TranscriptEvent.Handshake) e).type();
      } else if (e instanceof TranscriptEvent.Alert) {
        s += " " + ((TranscriptEvent.Alert) e).level() + "/" + ((TranscriptEvent.Alert) e).description();
      } else if (e instanceof TranscriptEvent.ApplicationData) {
        s += " " + ((TranscriptEvent.ApplicationData) e).length();
      } else if (e instanceof TranscriptEvent.Close) {
        s += ((TranscriptEvent.Close) e).reset() ? " RST" : " FIN";
      } else if (e instanceof TranscriptEvent.Gap) {
        s += " " + ((TranscriptEvent.Gap) e).bytes();
      } else if (e instanceof TranscriptEvent.ProtocolViolation) {
        s += " " + ((TranscriptEvent.ProtocolViolation) e).message();
      }
      out.add(s);
    }
    return out;
  }
}
