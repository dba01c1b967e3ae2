package org.tlsprobe.capture.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.capture.CaptureAnalyzer;
import org.tlsprobe.capture.CaptureFiles;
import org.tlsprobe.capture.CaptureSummary;
import org.tlsprobe.capture.ProgressListener;
import org.tlsprobe.model.HandshakeObservation;

/** Several worker threads give exactly what one thread gives: the same observations in the same order. */
class ParallelAnalysisTest {

  @Test
  void everyCapture_sameObservationsWithOneOrSeveralThreads() throws Exception {
    for (Path file : CaptureFiles.all()) {
      String one = run(file, 1);
      assertEquals(one, run(file, 2), file.toString());
      assertEquals(one, run(file, 3), file.toString());
    }
  }

  @Test
  void replicatedRealHandshakes_sameObservationsInFirstFrameOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("replicated.pcap");
    new ReplicatedCapture(CaptureFiles.all()).write(file, 25_000_000);
    String one = run(file, 1);
    String two = run(file, 2);
    assertTrue(one.lines().count() > 1000, "many flows: " + one.lines().count());
    assertEquals(one, two);
    // the replicated file's clock only moves forward, so first-frame order is start-time order
    List<java.time.Instant> starts = new ArrayList<>();
    new CaptureAnalyzer(ProgressListener.NONE, 2, 0).analyze(file, o -> starts.add(o.start()));
    for (int i = 1; i < starts.size(); i++) {
      assertTrue(!starts.get(i).isBefore(starts.get(i - 1)), "flow " + i + " starts before the one reported ahead of it");
    }
  }

  @Test
  void perFlowWork_runsOnTheWorkerThreads_resultsComeInFirstFrameOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("replicated.pcap");
    new ReplicatedCapture(CaptureFiles.all()).write(file, 5_000_000);
    java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<String> inOrder = new ArrayList<>();
    new CaptureAnalyzer(ProgressListener.NONE, 2, 0).analyze(file, o -> {
      threads.add(Thread.currentThread().getName());
      return signature(o);
    }, inOrder::add);
    assertEquals(java.util.Set.of("tlsprobe-capture-0", "tlsprobe-capture-1"), threads);
    assertEquals(run(file, 1), String.join("\n", inOrder) + "\n" + new CaptureAnalyzer(ProgressListener.NONE, 1, 0).analyze(file, o -> {}));
  }

  static String run(Path file, int workers) throws Exception {
    List<String> lines = new ArrayList<>();
    CaptureSummary s = new CaptureAnalyzer(ProgressListener.NONE, workers, 0).analyze(file, o -> {
      lines.add(signature(o));
    });
    lines.add(s.toString());
    return String.join("\n", lines);
  }

  static String signature(HandshakeObservation o) {
    StringBuilder s = new StringBuilder();
    s.append(o.origin()).append(' ').append(o.client()).append(' ').append(o.server()).append(' ').append(o.start()).append(' ')
        .append(o.transcript().events());
    o.transcript().serverCertificate().ifPresent(c -> c.certificates().forEach(d -> s.append(' ').append(Arrays.hashCode(d))));
    o.transcript().clientCertificate().ifPresent(c -> c.certificates().forEach(d -> s.append(' ').append(Arrays.hashCode(d))));
    return s.toString();
  }
}
