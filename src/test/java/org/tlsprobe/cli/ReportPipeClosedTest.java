package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.capture.CaptureFiles;
import org.tlsprobe.capture.bench.ReplicatedCapture;

/**
 * {@code tlsprobe analyze big.pcap | head}: when the report's reader goes away, tlsprobe stops with exit 5
 * and one line saying so, not an "internal error". A real child process whose standard output is closed.
 */
class ReportPipeClosedTest {

  @Test
  void standardOutputClosedEarly_exit5WithOneLine(@TempDir Path dir) throws Exception {
    Path capture = dir.resolve("many-flows.pcap");
    new ReplicatedCapture(CaptureFiles.all()).write(capture, 20_000_000); // megabytes of JSON, more than a pipe holds
    for (String format : List.of("json", "text")) {
      String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.tlsprobe.Main",
          "analyze", "--all", "--format", format, capture.toString()).start();
      try {
        p.getOutputStream().close();
        p.getInputStream().close(); // the reader is gone before the first byte
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tlsprobe did not stop");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCode.OUTPUT_FAILED, p.exitValue(), format + ": " + err);
        assertTrue(err.startsWith("tlsprobe: cannot write the report: "), err);
        assertEquals(1, err.lines().count(), err);
      } finally {
        p.destroyForcibly();
      }
    }
  }
}
