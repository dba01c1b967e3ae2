package org.tlsprobe.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server process a test starts on loopback and must stop: its output goes to a log file for failures. */
public final class ChildProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final Thread reaper;

  private ChildProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.reaper = new Thread(this::stop, "reap-" + process.pid());
    Runtime.getRuntime().addShutdownHook(reaper); // a test JVM killed mid-run still stops its servers
  }

  public static ChildProcess start(List<String> command, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    return new ChildProcess(pb.start(), log);
  }

  public boolean alive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(3, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.forEach(c -> { if (c.isAlive()) { c.destroyForcibly(); } });
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }

  /** A port free on 127.0.0.1 for both TCP and UDP right now (another process may still take it: retry). */
  public static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException taken) {
          // UDP side busy: try another
        }
      }
    }
    throw new IOException("no free port on 127.0.0.1");
  }
}
