package org.tlsprobe.capture.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Times {@code bin/tlsprobe analyze FILE} and {@code java -Xmx256m -jar target/tlsprobe.jar analyze FILE} in
 * the {@link #VARIANTS} (launcher, plain, JSON), always with a 256 MB heap.
 */
@Tag("benchmark")
class CaptureBenchmark {
  static final long MIN_BYTES = Long.getLong("bench.bytes", 1_100_000_000L);
  static final int RUNS = Integer.getInteger("bench.runs", 3);

  @Test
  void analyzeMoreThanAGigabyte_printsThroughputAndRatioToTshark() throws Exception {
    assertTrue(Files.exists(Path.of("target", "tlsprobe.jar")), "build the jar first: mvn -B -q package -DskipTests");
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
      // on disk before anything is timed: tshark runs first, and must not share the machine with the kernel
      // writing back a gigabyte of dirty pages
      long t1 = System.nanoTime();
      try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
        c.force(true);
      }
      System.out.printf("flushed to disk in %.1fs%n", (System.nanoTime() - t1) / 1e9);

      List<String> tshark = new ArrayList<>(timeWrapper());
      tshark.addAll(List.of("tshark", "-n", "-r", file.toString(), "-Y", "tls.handshake or tcp.flags.reset==1"));
      System.out.println("tshark: " + String.join(" ", tshark));
      Timing theirs = run(tshark, "tshark");

      List<String> results = new ArrayList<>();
      for (Variant v : VARIANTS) {
        List<String> ours = oursCommand(file, v);
        System.out.println(v.label() + ": " + String.join(" ", ours));
        if (v.launcher()) {
          // the launcher archives the classes of its first run: make that an untimed run on this file
          Files.deleteIfExists(Path.of("target", "tlsprobe.jsa"));
          run(ours, v.label() + " (untimed, makes the class-data-sharing archive)");
        }
        int runs = v == VARIANTS.get(0) ? RUNS : 1;
        Timing[] times = new Timing[runs];
        for (int i = 0; i < runs; i++) {
          times[i] = run(ours, v.label() + " run " + (i + 1));
        }
        Arrays.sort(times, (a, b) -> Double.compare(a.wall, b.wall));
        Timing median = times[runs / 2];
        results.add(String.format("RESULT %s (%s): %.2fs = %,.0f packets/s, %,.0f MB/s; CPU %.2fs = %,.0f MB per CPU-second; %.1fx tshark by wall clock, %.1fx by CPU",
            v.label(), runs == 1 ? "one run" : "median of " + runs, median.wall, packets / median.wall, size / 1e6 / median.wall, median.cpu,
            size / 1e6 / median.cpu, theirs.wall / median.wall, theirs.cpu / median.cpu));
      }

      System.out.printf("%nRESULT load average before/after: %s / %s (2 cores; wall clock suffers when others run)%n", loadBefore, load());
      System.out.printf("RESULT tshark: %.2fs = %,.0f packets/s, %,.0f MB/s; CPU %.2fs = %,.0f MB per CPU-second%n", theirs.wall,
          packets / theirs.wall, size / 1e6 / theirs.wall, theirs.cpu, size / 1e6 / theirs.cpu);
      results.forEach(System.out::println);
      System.out.println();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * One way of running tlsprobe analyze on the file, always with -Xmx256m: through bin/tlsprobe (its own JVM
   * options and class-data-sharing archive; the heap limit through JDK_JAVA_OPTIONS), or java with these
   * options; then the analyze options.
   */
  record Variant(String label, boolean launcher, List<String> jvm, List<String> options) {}

  /** The launcher first (what users run), then plain java -jar, then JSON through the launcher. */
  static final List<Variant> VARIANTS = List.of(
      new Variant("bin/tlsprobe (C1, class-data sharing), text", true, List.of(), List.of()),
      new Variant("plain java -jar, text", false, List.of(), List.of()),
      new Variant("bin/tlsprobe, --format json", true, List.of(), List.of("--format", "json")));

  static List<String> oursCommand(Path file, Variant v) throws Exception {
    List<String> cmd = new ArrayList<>(timeWrapper());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Path.of("target", "tlsprobe.jar");
    if (v.launcher()) {
      cmd.addAll(List.of(Path.of("bin", "tlsprobe").toString(), "analyze", file.toString()));
      cmd.addAll(v.options());
      return cmd;
    }
    cmd.addAll(List.of(java, "-Xmx256m"));
    cmd.addAll(v.jvm());
    cmd.addAll(List.of("-jar", jar.toString(), "analyze", file.toString()));
    cmd.addAll(v.options());
    return cmd;
  }

  /** GNU time, when installed, adds the peak resident memory to the output. */
  static List<String> timeWrapper() {
    return new File("/usr/bin/time").canExecute() ? List.of("/usr/bin/time", "-f", "max-rss=%MkB user=%U sys=%S") : List.of();
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
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      // for bin/tlsprobe: this JVM's java, and the benchmark's heap limit on top of the launcher's options
      pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
      pb.environment().put("JDK_JAVA_OPTIONS", "-Xmx256m");
      Process p = pb.start();
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
