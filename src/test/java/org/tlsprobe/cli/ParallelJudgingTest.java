package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.capture.CaptureAnalyzer;
import org.tlsprobe.capture.CaptureFiles;
import org.tlsprobe.capture.ProgressListener;
import org.tlsprobe.capture.bench.ReplicatedCapture;
import org.tlsprobe.diagnose.DiagnosisContext;
import org.tlsprobe.diagnose.Diagnostician;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.Role;
import org.tlsprobe.render.AnalyzeRenderer;

/**
 * Flows judged and rendered on the capture's worker threads (as {@code analyze} does for big files) give
 * the very report one thread gives: the judge's and the renderers' caches are shared safely, and the
 * ordered hand-over keeps first-frame order.
 */
class ParallelJudgingTest {

  @Test
  void everyRealCaptureTogether_sameReportWithOneOrThreeThreads(@TempDir Path dir) throws Exception {
    Path merged = dir.resolve("all.pcap");
    new ReplicatedCapture(CaptureFiles.all()).write(merged, 6_000_000);
    for (boolean json : new boolean[] {false, true}) {
      String one = report(merged, 1, json);
      String three = report(merged, 3, json);
      assertTrue(one.length() > 100_000, "a real report: " + one.length() + " chars");
      assertEquals(one, three, json ? "json" : "text");
    }
  }

  private static String report(Path file, int workers, boolean json) throws Exception {
    DiagnosisContext ctx = new DiagnosisContext(Role.SERVER, List.of(), TrustAnchors.system(), Optional.empty(), ChainContext.DEFAULT_WARN_DAYS);
    Diagnostician judge = new Diagnostician();
    List<AnalyzedFile> files = new ArrayList<>();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (AnalyzeRenderer renderer = json ? AnalyzeRenderer.json("test", true, out) : AnalyzeRenderer.text(true, out)) {
      var s = new CaptureAnalyzer(ProgressListener.NONE, workers, 0).analyze(file,
          obs -> renderer.render(new FlowReport(obs, judge.diagnose(obs, ctx))),
          flow -> {
            try {
              renderer.add(flow);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      files.add(new AnalyzedFile(s.path(), s.packets(), s.bytes(), s.linktypes(), s.warnings()));
      renderer.finish(files);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
