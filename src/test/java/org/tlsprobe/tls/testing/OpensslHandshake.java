package org.tlsprobe.tls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tlsprobe.tls.Side;

/**
 * A real handshake between {@code openssl s_client} and {@code openssl s_server} on 127.0.0.1, through
 * a relay in this JVM that records what each side sent, read by read (one {@link Chunk} per TCP read,
 * an empty chunk for a FIN). The client runs with {@code -msg}, so the handshake messages it saw,
 * TLS 1.3's decrypted ones included, can be read back from its output. Every process is killed in
 * {@code finally}; ports are chosen free at run time.
 */
public final class OpensslHandshake {
  /** Bytes one side sent in one TCP read; empty = that side closed (FIN). */
  public record Chunk(Side from, byte[] bytes) {}

  /** A handshake message as {@code openssl -msg} printed it: direction, version label, name, bytes with header. */
  public record MsgLine(boolean received, String version, String name, byte[] bytes) {}

  public record Run(List<Chunk> chunks, String clientOutput, String serverOutput) {
    /** The client's -msg handshake messages named {@code name} that it received (sent by the server). */
    public List<MsgLine> received(String name) {
      List<MsgLine> out = new ArrayList<>();
      for (MsgLine m : messages(clientOutput)) {
        if (m.received() && m.name().equals(name)) {
          out.add(m);
        }
      }
      return out;
    }

    public List<MsgLine> sent(String name) {
      List<MsgLine> out = new ArrayList<>();
      for (MsgLine m : messages(clientOutput)) {
        if (!m.received() && m.name().equals(name)) {
          out.add(m);
        }
      }
      return out;
    }
  }

  private OpensslHandshake() {}

  /** Writes {@code identity} as cert.pem (chain) and key.pem under {@code dir}, with prefix. */
  public static void writePem(TestPki.Identity identity, Path dir, String prefix) throws Exception {
    StringBuilder chain = new StringBuilder();
    for (X509Certificate c : identity.chain()) {
      chain.append(pem("CERTIFICATE", c.getEncoded()));
    }
    Files.writeString(dir.resolve(prefix + "-cert.pem"), chain);
    Files.writeString(dir.resolve(prefix + "-key.pem"), pem("PRIVATE KEY", identity.key().getEncoded()));
  }

  public static void writePem(X509Certificate cert, Path file) throws Exception {
    Files.writeString(file, pem("CERTIFICATE", cert.getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  public static Run run(Path dir, List<String> serverArgs, List<String> clientArgs) throws Exception {
    int serverPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      serverPort = probe.getLocalPort();
    }
    List<String> server = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + serverPort, "-naccept", "1"));
    server.addAll(serverArgs);
    Path serverOut = Files.createTempFile(dir, "s_server", ".out");
    Path clientOut = Files.createTempFile(dir, "s_client", ".out");
    Process s = null;
    Process c = null;
    List<Chunk> chunks = Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s = new ProcessBuilder(server).redirectErrorStream(true).redirectOutput(serverOut.toFile())
          .redirectInput(ProcessBuilder.Redirect.PIPE).start();
      waitFor(serverOut, "ACCEPT", s);
      relay.setSoTimeout(10_000);
      Thread relayThread = new Thread(() -> relay(relay, serverPort, chunks), "relay");
      relayThread.setDaemon(true);
      relayThread.start();
      List<String> client = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + relay.getLocalPort(), "-msg"));
      client.addAll(clientArgs);
      c = new ProcessBuilder(client).redirectErrorStream(true).redirectOutput(clientOut.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      if (!c.waitFor(15, TimeUnit.SECONDS)) {
        throw new IllegalStateException("s_client did not finish: " + Files.readString(clientOut));
      }
      relayThread.join(5_000);
      return new Run(List.copyOf(chunks), Files.readString(clientOut), Files.readString(serverOut));
    } finally {
      if (c != null) {
        c.destroyForcibly();
      }
      if (s != null) {
        s.destroyForcibly();
        s.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void waitFor(Path out, String text, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (Files.readString(out).contains(text)) {
        return;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("s_server exited: " + Files.readString(out));
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("s_server not ready: " + Files.readString(out));
  }

  private static void relay(ServerSocket relay, int serverPort, List<Chunk> chunks) {
    try (Socket client = relay.accept(); Socket server = new Socket()) {
      server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 5_000);
      client.setSoTimeout(15_000);
      server.setSoTimeout(15_000);
      Thread up = new Thread(() -> pump(client, server, Side.CLIENT, chunks));
      Thread down = new Thread(() -> pump(server, client, Side.SERVER, chunks));
      up.start();
      down.start();
      up.join(15_000);
      down.join(15_000);
    } catch (IOException | InterruptedException e) {
      // the recording ends where the relay stopped
    }
  }

  private static void pump(Socket from, Socket to, Side side, List<Chunk> chunks) {
    byte[] buf = new byte[65536];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (chunks) { // record before forwarding, so the order is the order things were sent
          chunks.add(new Chunk(side, Arrays.copyOf(buf, n)));
        }
        out.write(buf, 0, n);
        out.flush();
      }
      chunks.add(new Chunk(side, new byte[0]));
      to.shutdownOutput();
    } catch (IOException e) {
      // reset or closed: stop this direction
    }
  }

  private static final Pattern MSG = Pattern.compile("^(<<<|>>>) (\\S+ \\S+), Handshake \\[length [0-9a-f]+\\], (\\w+)$");

  /** Parses the handshake lines of {@code openssl -msg} output, with their hex dumps. */
  public static List<MsgLine> messages(String output) {
    List<MsgLine> out = new ArrayList<>();
    String[] lines = output.split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MSG.matcher(lines[i].trim());
      if (!m.matches()) {
        continue;
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      while (i + 1 < lines.length && lines[i + 1].startsWith("    ")) {
        for (String hex : lines[++i].trim().split("\\s+")) {
          bytes.write(Integer.parseInt(hex, 16));
        }
      }
      out.add(new MsgLine(m.group(1).equals("<<<"), m.group(2), m.group(3), bytes.toByteArray()));
    }
    return out;
  }

  static String ascii(byte[] b) {
    return new String(b, StandardCharsets.US_ASCII);
  }
}
