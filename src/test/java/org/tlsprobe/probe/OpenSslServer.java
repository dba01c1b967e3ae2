package org.tlsprobe.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An {@code openssl s_server} on 127.0.0.1 for one test; started on a free port, killed by its pid on close. */
public final class OpenSslServer implements AutoCloseable {
  private final Process process;
  public final int port;

  private OpenSslServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts {@code openssl s_server -www} with the given extra arguments and waits until it accepts. */
  public static OpenSslServer start(Path cert, Path key, String... extra) throws Exception {
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-www", "-accept", "127.0.0.1:" + port,
          "-cert", cert.toString(), "-key", key.toString(), "-quiet"));
      cmd.addAll(List.of(extra));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline && p.isAlive()) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          return new OpenSslServer(p, port);
        } catch (IOException notYet) {
          Thread.sleep(50);
        }
      }
      p.destroyForcibly();
    }
    throw new IllegalStateException("openssl s_server did not start");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(3, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
    }
  }
}
