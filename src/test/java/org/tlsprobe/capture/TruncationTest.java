package org.tlsprobe.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.transcript.TranscriptEvent;

/**
 * A real capture cut at every byte offset: never an exception; every frame before the cut is read
 * and analyzed; a cut inside a record or block is reported with the frame number and the byte offset
 * where that record starts; a cut exactly between records reads as a shorter, complete file.
 */
class TruncationTest {

  @ParameterizedTest
  @ValueSource(strings = {"zeek/tls13_wolfssl.pcap", "ndpi/tls_1.3_unidirectional_client.pcapng"})
  void cutAtEveryByte_readsWhatIsThereAndSaysWhereItStopped(String name, @TempDir Path dir) throws Exception {
    byte[] whole = Files.readAllBytes(CaptureFiles.publicFile(name));
    List<long[]> records = records(whole, name.endsWith(".pcapng")); // {start, end, isPacket}
    TreeSet<Long> boundaries = new TreeSet<>();
    records.forEach(r -> boundaries.add(r[1]));
    long clientHelloEnd = clientHelloFrameEnd(CaptureFiles.publicFile(name), records);
    Path cut = dir.resolve("cut" + (name.endsWith(".pcapng") ? ".pcapng" : ".pcap"));
    CaptureAnalyzer analyzer = new CaptureAnalyzer();

    for (int length = 1; length < whole.length; length++) {
      Files.write(cut, Arrays.copyOf(whole, length));
      List<HandshakeObservation> flows = new ArrayList<>();
      CaptureSummary summary = analyzer.analyze(cut, flows::add);
      final int n = length;
      long framesBefore = records.stream().filter(r -> r[2] == 1 && r[1] <= n).count();
      assertEquals(framesBefore, summary.packets(), "cut at " + length);
      List<String> stops = summary.warnings().stream().filter(w -> w.contains("reading stopped")).toList();
      if (boundaries.contains((long) length) && length >= firstRecordEnd(records)) {
        assertEquals(List.of(), stops, "cut at " + length + " is between records");
      } else {
        long start = records.stream().filter(r -> r[0] < n && n < r[1]).findFirst().orElseThrow()[0];
        assertEquals(1, stops.size(), "cut at " + length + ": " + summary.warnings());
        String w = stops.get(0);
        assertTrue(w.startsWith(cut + ": reading stopped at frame " + (framesBefore + 1) + " (byte offset " + start + ")"),
            "cut at " + length + ": " + w);
      }
      if (length >= clientHelloEnd) {
        assertTrue(flows.stream().anyMatch(TruncationTest::hasClientHello), "cut at " + length + " keeps the ClientHello");
      }
    }
  }

  @org.junit.jupiter.api.Test
  void cutToNothing_isNoCapture(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.pcap");
    Files.write(empty, new byte[0]);
    assertThrows(NotACaptureException.class, () -> new CaptureAnalyzer().analyze(empty, o -> {}));
  }

  static boolean hasClientHello(HandshakeObservation o) {
    return o.transcript().events().stream()
        .anyMatch(e -> e instanceof TranscriptEvent.Handshake && ((TranscriptEvent.Handshake) e).type() == HandshakeType.CLIENT_HELLO);
  }

  static long firstRecordEnd(List<long[]> records) {
    return records.get(0)[1];
  }

  /** End offset of the first frame whose record holds a ClientHello (the TLS record header starts with 16 03 and type 1). */
  static long clientHelloFrameEnd(Path file, List<long[]> records) throws Exception {
    List<org.tlsprobe.capture.pcap.RecordedFrame> frames = org.tlsprobe.capture.pcap.RecordedFrame.readAll(file);
    int packet = 0;
    for (long[] r : records) {
      if (r[2] != 1) {
        continue;
      }
      byte[] d = frames.get(packet++).data();
      for (int i = 0; i + 5 < d.length; i++) {
        if (d[i] == 0x16 && d[i + 1] == 3 && d[i + 5] == 1 && i > 40) {
          return r[1];
        }
      }
    }
    throw new AssertionError("no ClientHello in " + file);
  }

  /** File header / blocks as {start, end, 1 if a packet}. */
  static List<long[]> records(byte[] b, boolean pcapng) {
    List<long[]> out = new ArrayList<>();
    if (!pcapng) {
      ByteOrder order = b[0] == (byte) 0xd4 || b[0] == 0x4d ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
      ByteBuffer bb = ByteBuffer.wrap(b).order(order);
      out.add(new long[] {0, 24, 0});
      int p = 24;
      while (p < b.length) {
        int end = p + 16 + bb.getInt(p + 8);
        out.add(new long[] {p, end, 1});
        p = end;
      }
      return out;
    }
    ByteOrder order = b[8] == 0x4d ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    ByteBuffer bb = ByteBuffer.wrap(b).order(order);
    int p = 0;
    while (p < b.length) {
      int type = bb.getInt(p);
      int end = p + bb.getInt(p + 4);
      out.add(new long[] {p, end, type == 6 || type == 3 || type == 2 ? 1 : 0});
      p = end;
    }
    return out;
  }
}
