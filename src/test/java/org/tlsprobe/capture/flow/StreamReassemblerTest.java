package org.tlsprobe.capture.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsprobe.capture.CaptureFiles;
import org.tlsprobe.capture.pcap.RecordedFrame;

/** The reassembler's bound: data waiting behind a hole beyond the limit turns the hole into a gap. */
class StreamReassemblerTest {

  /** Records what comes out: bytes appended, gaps as their sizes. */
  static final class Recorder implements DirectionSink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Long> gaps = new ArrayList<>();

    @Override
    public void bytes(byte[] data, int offset, int length, long frame, long timeNanos) {
      bytes.write(data, offset, length);
    }

    @Override
    public void gap(long missing, long frame, long timeNanos) {
      gaps.add(missing);
    }
  }

  @Test
  void moreWaitingBehindAHoleThanTheBound_declaresTheHoleAGap() throws Exception {
    List<RecordedFrame> frames = RecordedFrame.readAll(CaptureFiles.publicFile("zeek/client-certificate.pcap"));
    List<RecordedFrame> server = ReassemblyCasesTest.dataFrames(frames, 443);
    byte[] first = SegmentEditor.payload(server.get(0));
    byte[] second = SegmentEditor.payload(server.get(1));
    byte[] third = SegmentEditor.payload(server.get(2));
    int isn = SegmentEditor.tcp(server.get(0)).seq - 1;

    StreamReassembler r = new StreamReassembler(second.length + third.length - 1);
    Recorder out = new Recorder();
    r.syn(isn);
    // the first segment is lost; the next two arrive and exceed the bound together
    r.segment(isn + 1 + first.length, second, 0, second.length, second.length, 2, 0, out);
    assertEquals(List.of(), out.gaps, "one segment fits in the bound");
    r.segment(isn + 1 + first.length + second.length, third, 0, third.length, third.length, 3, 0, out);
    assertEquals(List.of((long) first.length), out.gaps);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(second);
    expected.write(third);
    assertArrayEquals(expected.toByteArray(), out.bytes.toByteArray());
    // the lost segment turning up late is old news now
    r.segment(isn + 1, first, 0, first.length, first.length, 4, 0, out);
    assertEquals(expected.size(), out.bytes.size());
  }

  @Test
  void segmentCutBySnaplen_deliversWhatIsThereAndAGapForTheRest() throws Exception {
    List<RecordedFrame> frames = RecordedFrame.readAll(CaptureFiles.publicFile("zeek/client-certificate.pcap"));
    byte[] p = SegmentEditor.payload(ReassemblyCasesTest.dataFrames(frames, 443).get(0));
    StreamReassembler r = new StreamReassembler(1 << 20);
    Recorder out = new Recorder();
    r.syn(-10);
    r.segment(-9, p, 0, 100, p.length, 1, 0, out);
    assertEquals(100, out.bytes.size());
    assertEquals(List.of((long) p.length - 100), out.gaps);
    assertEquals(-9 + p.length, r.next());
  }
}
