package org.tlsprobe.capture.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.tlsprobe.capture.CaptureFiles;

/** Our reader against libpcap (through pcap4j 1.8.2): same frames, stamps, lengths and bytes. */
class CaptureReaderDifferentialTest {

  static Stream<Path> captures() {
    return CaptureFiles.all().stream();
  }

  @ParameterizedTest
  @MethodSource("captures")
  void everyCaptureLibpcapOpens_readsTheSameFrames(Path file) throws Exception {
    List<RecordedFrame> reference = readWithLibpcap(file);
    Assumptions.assumeTrue(reference != null, "libpcap cannot open " + file);
    List<RecordedFrame> ours = RecordedFrame.readAll(file);
    assertSameFrames(reference, ours, file.toString());
    try (CaptureReader r = CaptureReader.open(file)) {
      Frame f = new Frame();
      while (r.next(f)) {
        // drain
      }
      assertEquals(List.of(), r.warnings(), "a clean file gives no warnings");
    }
  }

  @Test
  void rewrittenInBothByteOrdersAndResolutions_readsTheSameFramesAsLibpcap(@TempDir Path dir) throws Exception {
    List<Path> sources = List.of(CaptureFiles.publicFile("zeek/tls13-ech.pcap"), CaptureFiles.publicFile("zeek/openjdk-25.0.2-zeek.org.pcap"),
        CaptureFiles.publicFile("arkime/ssl-selfsign.pcap"), CaptureFiles.publicFile("suricata-verify/bug-5758-tls13-hrr.pcap"));
    int checked = 0;
    for (Path source : sources) {
      List<RecordedFrame> frames = RecordedFrame.readAll(source);
      assertFalse(frames.isEmpty());
      for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
        for (boolean nanos : List.of(false, true)) {
          Path out = dir.resolve(source.getFileName() + "-" + order + "-" + nanos + ".pcap");
          TestCaptureWriter.write(out, TestCaptureWriter.pcap(frames, order, nanos));
          assertSameFrames(readWithLibpcap(out), RecordedFrame.readAll(out), out.toString());
          checked++;
        }
        for (int tsresol : List.of(6, 9, 3)) {
          Path out = dir.resolve(source.getFileName() + "-" + order + "-" + tsresol + ".pcapng");
          TestCaptureWriter.write(out, TestCaptureWriter.pcapng(frames, order, tsresol));
          assertSameFrames(readWithLibpcap(out), RecordedFrame.readAll(out), out.toString());
          checked++;
        }
      }
    }
    assertEquals(sources.size() * 10, checked);
  }

  @Test
  void binaryTimestampResolution_givesTheWrittenTimes(@TempDir Path dir) throws Exception {
    List<RecordedFrame> frames = RecordedFrame.readAll(CaptureFiles.publicFile("zeek/tls13-ech.pcap"));
    for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
      Path out = dir.resolve("pow2-" + order + ".pcapng");
      // 2^-30 s ticks: finer than a nanosecond, so every written time comes back within 1 ns.
      TestCaptureWriter.write(out, TestCaptureWriter.pcapng(frames, order, 0x80 | 30));
      List<RecordedFrame> back = RecordedFrame.readAll(out);
      assertEquals(frames.size(), back.size());
      for (int i = 0; i < frames.size(); i++) {
        long diff = Math.abs(frames.get(i).timeNanos() - back.get(i).timeNanos());
        assertTrue(diff <= 1, "frame " + (i + 1) + " off by " + diff + " ns");
        assertArrayEquals(frames.get(i).data(), back.get(i).data());
      }
    }
  }

  @Test
  void pcapngWithEthernetAndSll2Interfaces_readsBoth(@TempDir Path dir) throws Exception {
    Path ethernet = CaptureFiles.publicFile("zeek/tls13-ech.pcap");
    Path sll2 = CaptureFiles.publicFile("zeek/openjdk-25.0.2-zeek.org.pcap");
    Path mixed = dir.resolve("mixed.pcapng");
    Process p = new ProcessBuilder("mergecap", "-F", "pcapng", "-w", mixed.toString(), ethernet.toString(), sll2.toString())
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "mergecap finished");
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));

    List<RecordedFrame> a = RecordedFrame.readAll(ethernet);
    List<RecordedFrame> b = RecordedFrame.readAll(sll2);
    List<RecordedFrame> merged = RecordedFrame.readAll(mixed);
    assertEquals(a.size() + b.size(), merged.size());
    assertEquals(a.size(), merged.stream().filter(f -> f.linkType() == LinkType.ETHERNET).count());
    assertEquals(b.size(), merged.stream().filter(f -> f.linkType() == LinkType.LINUX_SLL2).count());
    try (CaptureReader r = CaptureReader.open(mixed)) {
      Frame f = new Frame();
      while (r.next(f)) {
        // drain
      }
      assertEquals(List.of("EN10MB", "LINUX_SLL2"), r.linkTypeNames());
      assertEquals(List.of(), r.warnings());
    }
    // mergecap orders by time; every source frame is there with its bytes and stamp.
    List<RecordedFrame> sources = new ArrayList<>(a);
    sources.addAll(b);
    for (RecordedFrame s : sources) {
      assertTrue(merged.stream().anyMatch(m -> m.timeNanos() == s.timeNanos() && java.util.Arrays.equals(m.data(), s.data())),
          "frame " + s.number() + " of its source is in the merged file");
    }
  }

  static void assertSameFrames(List<RecordedFrame> expected, List<RecordedFrame> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": frame count");
    for (int i = 0; i < expected.size(); i++) {
      RecordedFrame e = expected.get(i);
      RecordedFrame a = actual.get(i);
      String at = what + " frame " + (i + 1);
      assertEquals(i + 1, a.number(), at + ": number");
      assertEquals(e.timeNanos(), a.timeNanos(), at + ": time");
      assertEquals(e.originalLength(), a.originalLength(), at + ": original length");
      assertArrayEquals(e.data(), a.data(), at + ": bytes");
    }
  }

  /** Every frame through pcap4j, or null when libpcap refuses the file. */
  static List<RecordedFrame> readWithLibpcap(Path file) throws Exception {
    PcapHandle handle;
    try {
      handle = Pcaps.openOffline(file.toString(), TimestampPrecision.NANO);
    } catch (PcapNativeException e) {
      return null;
    }
    List<RecordedFrame> frames = new ArrayList<>();
    try {
      int linkType = handle.getDlt().value();
      while (true) {
        byte[] data;
        try {
          data = handle.getNextRawPacketEx();
        } catch (EOFException end) {
          break;
        }
        Timestamp ts = handle.getTimestamp();
        long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
        frames.add(new RecordedFrame(frames.size() + 1, nanos, linkType, data, handle.getOriginalLength()));
      }
    } finally {
      handle.close();
    }
    return frames;
  }

  @Test
  void fileThatIsNoCapture_isRefusedNamingItsFirstBytes(@TempDir Path dir) throws Exception {
    Path zip = dir.resolve("x.bin");
    Files.write(zip, new byte[] {0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0});
    var e = org.junit.jupiter.api.Assertions.assertThrows(org.tlsprobe.capture.NotACaptureException.class, () -> CaptureReader.open(zip));
    assertEquals(zip + " is not a pcap or pcapng capture (starts with 50 4b 03 04)", e.getMessage());
    Path empty = dir.resolve("empty.pcap");
    Files.write(empty, new byte[0]);
    var e2 = org.junit.jupiter.api.Assertions.assertThrows(org.tlsprobe.capture.NotACaptureException.class, () -> CaptureReader.open(empty));
    assertTrue(e2.getMessage().contains("is empty"), e2.getMessage());
  }
}
