package org.tlsprobe.capture.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tlsprobe.capture.CaptureFiles;

/**
 * Speed and memory of the capture path on a capture of more than 1 GB built from real recorded
 * handshakes (see {@link ReplicatedCapture}), against tshark on the same file in the same run.
 * Prints packets/s, MB/s and the ratio; asserts nothing about time. Run with
 * {@code bench/capture-benchmark.sh} (or {@code mvn -o test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=CaptureBenchmark}).
 * Uses {@code java -Xmx256m -jar target/tlsprobe.jar analyze FILE --format json} when the jar has the
 * analyze command (a missing file gives exit 3, not a usage error), else {@link AnalyzeMain} (the same {@code CaptureAnalyzer}) in its own -Xmx256m JVM.
 */
@Tag("benchmark")
class CaptureBenchmark {
  static final long MIN_BYTES = Long.getLong("bench.bytes", 1_100_000_000L);
  static final int RUNS = Integer.getInteger("bench.runs", 3);

  @Test
  void analyzeMoreThanAGigabyte_printsThroughputAndRatioToTshark() throws Exception {
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Path file = dir.resolve("replicated.pcap");
    String loadBefore = load();
    try {
      ReplicatedCapture capture = new ReplicatedCapture(CaptureFiles.all());
      long t0 = System.nanoTime();
      long packets = capture.write(file, MIN_BYTES);
      long size = Files.size(file);
      System.out.printf("%nbenchmark file: %s, %,d bytes, %,d packets (%,d real frames per copy), written in %.1fs%n", file, size, packets,
          capture.framesPerRound(), (System.nanoTime() - t0) / 1e9);

      List<String> ours = oursCommand(file);
      System.out.println("ours:   " + String.join(" ", ours));
      Timing[] times = new Timing[RUNS];
      for (int i = 0; i < RUNS; i++) {
        times[i] = run(ours, "ours run " + (i + 1));
      }
      Arrays.sort(times, (a, b) -> Double.compare(a.wall, b.wall));
      Timing median = times[RUNS / 2];
      List<String> tshark = new ArrayList<>(timeWrapper());
      tshark.addAll(List.of("tshark", "-n", "-r", file.toString(), "-Y", "tls.handshake or tcp.flags.reset==1"));
      System.out.println("tshark: " + String.join(" ", tshark));
      Timing theirs = run(tshark, "tshark");

      System.out.printf("%nRESULT load average before/after: %s / %s (2 cores; wall clock suffers when others run)%n", loadBefore, load());
      System.out.printf("RESULT ours (median of %d, wall clock incl. JVM start): %.2fs = %,.0f packets/s, %,.0f MB/s; CPU %.2fs = %,.0f MB per CPU-second%n",
          RUNS, median.wall, packets / median.wall, size / 1e6 / median.wall, median.cpu, size / 1e6 / median.cpu);
      System.out.printf("RESULT tshark: %.2fs = %,.0f packets/s, %,.0f MB/s; CPU %.2fs = %,.0f MB per CPU-second%n", theirs.wall,
          packets / theirs.wall, size / 1e6 / theirs.wall, theirs.cpu, size / 1e6 / theirs.cpu);
      System.out.printf("RESULT ratio: %.1fx tshark by wall clock, %.1fx by CPU time%n%n", theirs.wall / median.wall, theirs.cpu / median.cpu);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  static List<String> oursCommand(Path file) throws Exception {
    List<String> cmd = new ArrayList<>(timeWrapper());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Path.of("target", "tlsprobe.jar");
    if (Files.exists(jar) && exitCode(List.of(java, "-jar", jar.toString(), "analyze", "target/bench/no-such-file.pcap")) == 3) {
      cmd.addAll(List.of(java, "-Xmx256m", "-jar", jar.toString(), "analyze", file.toString(), "--format", "json"));
    } else {
      cmd.addAll(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), AnalyzeMain.class.getName(), file.toString()));
    }
    return cmd;
  }

  /** GNU time, when installed, adds the peak resident memory to the output. */
  static List<String> timeWrapper() {
    return new File("/usr/bin/time").canExecute() ? List.of("/usr/bin/time", "-f", "max-rss=%MkB user=%U sys=%S") : List.of();
  }

  static int exitCode(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  record Timing(double wall, double cpu) {}

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  /** Runs a command with its standard output kept aside; prints its stderr tail; returns wall and CPU seconds (user + sys, from GNU time). */
  static Timing run(List<String> cmd, String label) throws IOException, InterruptedException {
    Path err = Files.createTempFile("bench", ".err");
    Path out = Files.createTempFile("bench", ".out");
    try {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      boolean done = p.waitFor(30, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (!done) {
        p.destroyForcibly();
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8).trim();
      String stdout = Files.size(out) < 4096 ? Files.readString(out, StandardCharsets.UTF_8).trim() : "(" + Files.size(out) + " bytes of output)";
      System.out.printf("%s: %.2fs exit=%d %s %s%n", label, seconds, done ? p.exitValue() : -1, stdout,
          stderr.length() > 600 ? stderr.substring(stderr.length() - 600) : stderr);
      assertTrue(done && p.exitValue() <= 1, label + " failed");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("user=([0-9.]+) sys=([0-9.]+)").matcher(stderr);
      double cpu = m.find() ? Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)) : Double.NaN;
      return new Timing(seconds, cpu);
    } finally {
      Files.deleteIfExists(err);
      Files.deleteIfExists(out);
    }
  }
}
