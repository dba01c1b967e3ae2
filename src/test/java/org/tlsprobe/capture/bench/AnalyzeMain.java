package org.tlsprobe.capture.bench;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.tlsprobe.capture.CaptureAnalyzer;
import org.tlsprobe.capture.CaptureSummary;

/** Runs {@link CaptureAnalyzer} over one file in its own JVM (so the benchmark can give it -Xmx256m). */
public final class AnalyzeMain {
  private AnalyzeMain() {}

  public static void main(String[] args) throws Exception {
    AtomicLong flows = new AtomicLong();
    AtomicLong events = new AtomicLong();
    long t0 = System.nanoTime();
    CaptureSummary s = new CaptureAnalyzer().analyze(Path.of(args[0]), o -> {
      flows.incrementAndGet();
      events.addAndGet(o.transcript().events().size());
    });
    long t1 = System.nanoTime();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("packets=%d flows=%d events=%d in-JVM=%.2fs heap-used=%dMB max=%dMB warnings=%s%n", s.packets(), flows.get(),
        events.get(), (t1 - t0) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, s.warnings());
  }
}
